package org.nnlab.worker;

/**
 * A grading job that a worker claimed.
 *
 * @param id           the job
 * @param submissionId the submission it grades
 * @param attempt      which attempt at the job this claim is: only the attempt that still holds the job may store
 *                     an outcome
 */
public record ClaimedJob(String id, String submissionId, int attempt) {
}
