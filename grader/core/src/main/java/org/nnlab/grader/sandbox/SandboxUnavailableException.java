package org.nnlab.grader.sandbox;

/** This machine cannot run untrusted code safely; the message says what is missing and how to install it. */
public class SandboxUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is missing and the command that installs it */
    public SandboxUnavailableException(String message) {
        super(message);
    }
}
