package org.nnlab.grader.lab;

/** A lab folder or lab file is invalid; the message names the file and, where it applies, the field. */
public class LabException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message names the file and field, and says what is expected */
    public LabException(String message) {
        super(message);
    }
}
