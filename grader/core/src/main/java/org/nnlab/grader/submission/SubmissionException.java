package org.nnlab.grader.submission;

/** A submission was refused before it ran; the message tells the student what to fix. */
public class SubmissionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and what is expected */
    public SubmissionException(String message) {
        super(message);
    }
}
