package org.nnlab.platform.api.rest;

/**
 * A lab of the caller's courses.
 *
 * @param id              the lab's id
 * @param title           its title
 * @param course          the code of the course that assigns it
 * @param opensAt         when it opens (UTC, ISO 8601), or null
 * @param deadline        its deadline (UTC, ISO 8601), or null
 * @param maxScore        its points
 * @param status          the caller's state in it: not started, queued, grading, graded or failed
 * @param score           the caller's score that counts, or null
 * @param submissionsLeft how many more submissions the lab takes from the caller now
 * @param nextSubmission  when it takes one again, when none now (UTC, ISO 8601), or null
 */
public record LabSummary(String id, String title, String course, String opensAt, String deadline, double maxScore,
                         String status, Double score, int submissionsLeft, String nextSubmission) {
}
