package org.nnlab.platform.submission;

/** Where a submission is on its way to a result. */
public enum SubmissionStatus {
    /** Stored and waiting for a worker. */
    QUEUED,
    /** A worker is grading it. */
    GRADING,
    /** Graded: its result is stored. */
    GRADED,
    /** The platform could not grade it; the error is stored. */
    FAILED
}
