package org.nnlab.platform.api.rest;

import java.util.Map;

/**
 * Where a submission is on its way to a result.
 *
 * @param id          the submission's id
 * @param lab         its lab
 * @param author      its author's user name
 * @param submittedAt when it was stored (UTC, ISO 8601)
 * @param status      QUEUED, GRADING, GRADED or FAILED
 * @param position    its place in the grading queue while it waits (1 is next), else 0
 * @param progress    what it is doing while it is graded, e.g. "training run A: epoch 17 of 40", or null
 * @param score       its score once graded (the instructor's adjustments included once results are released)
 * @param maxScore    the lab's points
 * @param error       why it could not be graded, or null
 * @param links       {@code self}, {@code result} and {@code page} (its web page)
 */
public record SubmissionState(String id, String lab, String author, String submittedAt, String status, long position,
                              String progress, Double score, Double maxScore, String error,
                              Map<String, String> links) {
}
