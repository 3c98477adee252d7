package org.nnlab.platform.web;

/** Input a form sent that cannot be used; the message says why, as the user reads it. */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message why the input cannot be used */
    public InputException(String message) {
        super(message);
    }
}
