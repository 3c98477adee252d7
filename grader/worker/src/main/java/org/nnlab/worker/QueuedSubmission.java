package org.nnlab.worker;

import org.nnlab.grader.submission.Submission;

/**
 * A stored submission as a worker grades it.
 *
 * @param id          the submission
 * @param labId       its lab
 * @param labRevision the lab revision it is graded against
 * @param submission  its sources and answers
 */
public record QueuedSubmission(String id, String labId, int labRevision, Submission submission) {
}
