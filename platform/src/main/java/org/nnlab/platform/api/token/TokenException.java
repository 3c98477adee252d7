package org.nnlab.platform.api.token;

/** A token request that cannot be granted; its message says why, for the account page. */
public class TokenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, in words for the user */
    public TokenException(String message) {
        super(message);
    }
}
