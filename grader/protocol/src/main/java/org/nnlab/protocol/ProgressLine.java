package org.nnlab.protocol;

/**
 * One line of the harness's progress file ({@link TrainingJob#PROGRESS_FILE}): an epoch of a run, written as soon as
 * it is measured so that a grader can show training live. Untrusted and for display only: grading uses the report.
 *
 * @param run   the run's name
 * @param epoch the epoch just measured
 */
public record ProgressLine(String run, EpochRecord epoch) {
}
