package org.nnlab.datasets;

/**
 * A data set could not be found, verified or read. The message is written for the person running nnlab:
 * it says what was tried and what to do, so it can be printed on its own without a stack trace.
 */
public class DatasetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message a complete, user-facing explanation */
    public DatasetException(String message) {
        super(message);
    }

    /**
     * @param message a complete, user-facing explanation
     * @param cause   the underlying failure, kept for logs
     */
    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
