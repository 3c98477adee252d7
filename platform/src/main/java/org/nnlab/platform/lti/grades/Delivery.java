package org.nnlab.platform.lti.grades;

/** Where a score stands on its way to the LMS. */
public enum Delivery {
    /** A score waits for its first attempt, or nothing is graded yet. */
    PENDING,
    /** The LMS has the score that counts now. */
    DELIVERED,
    /** The last attempt failed; it is retried later. */
    FAILED
}
