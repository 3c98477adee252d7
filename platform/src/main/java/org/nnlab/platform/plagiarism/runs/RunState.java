package org.nnlab.platform.plagiarism.runs;

/** Where a similarity check stands. */
public enum RunState {
    /** JPlag is comparing the submissions. */
    RUNNING,
    /** The pairs are stored. */
    FINISHED,
    /** The check stopped; its error says why. */
    FAILED
}
