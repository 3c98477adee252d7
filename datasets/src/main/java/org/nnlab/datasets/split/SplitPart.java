package org.nnlab.datasets.split;

/** The three parts of a split. The test part is kept on the trusted side: its labels never reach student code. */
public enum SplitPart {
    /** Examples the model is fitted on. */
    TRAIN,
    /** Examples used to choose and tune while training. */
    VALIDATION,
    /** Held-out examples, scored only by the trusted grader. */
    TEST
}
