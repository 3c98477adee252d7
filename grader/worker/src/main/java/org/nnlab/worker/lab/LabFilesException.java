package org.nnlab.worker.lab;

/** A lab's files cannot be used (an unsafe or oversized zip, a link); the message says why, as its author reads it. */
public class LabFilesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message why the files cannot be used */
    public LabFilesException(String message) {
        super(message);
    }
}
