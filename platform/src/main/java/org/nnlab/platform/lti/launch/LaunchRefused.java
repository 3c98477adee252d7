package org.nnlab.platform.lti.launch;

/** An LTI login or launch the tool refuses; the message says why, as the person launching reads it. */
public class LaunchRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    /**
     * @param status  the HTTP status to answer: 400 for a malformed or unregistered launch, 401 for a token that
     *                does not prove who sent it
     * @param message why
     */
    public LaunchRefused(int status, String message) {
        super(message);
        this.status = status;
    }

    /** @return the HTTP status to answer */
    public int status() {
        return status;
    }
}
