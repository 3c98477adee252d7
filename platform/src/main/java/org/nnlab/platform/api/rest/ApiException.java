package org.nnlab.platform.api.rest;

import java.time.Duration;

/**
 * A request the API refuses, answered as {@code {"error": ..., "message": ...}} with its status.
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String error;
    private final Duration retryAfter;

    /**
     * @param status  the HTTP status
     * @param error   a short machine-readable reason, e.g. {@code not_found}
     * @param message what is wrong, for a person
     */
    public ApiException(int status, String error, String message) {
        this(status, error, message, null);
    }

    /** @param retryAfter when to try again (429), or null */
    public ApiException(int status, String error, String message, Duration retryAfter) {
        super(message);
        this.status = status;
        this.error = error;
        this.retryAfter = retryAfter;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the machine-readable reason */
    public String error() {
        return error;
    }

    /** @return when to try again, or null */
    public Duration retryAfter() {
        return retryAfter;
    }

    static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message);
    }
}
