package org.nnlab.platform.plagiarism.detection;

/** A similarity check that cannot run, with a message for the instructor. */
public class SimilarityException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message why, for the instructor */
    public SimilarityException(String message) {
        super(message);
    }
}
