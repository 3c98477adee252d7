package org.nnlab.worker;

/** The database that holds the grading queue failed or could not be reached; the message says what it said. */
public class QueueUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was being done
     * @param cause   the database's error
     */
    public QueueUnavailableException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
