package org.nnlab.platform.lti.grades;

import java.time.OffsetDateTime;

/**
 * A score as AGS 2.0 posts it to a line item's {@code /scores}: completed and fully graded.
 *
 * @param userId       the student's id at the LMS ({@code sub})
 * @param scoreGiven   the score that counts
 * @param scoreMaximum the lab's points
 * @param timestamp    when it was scored
 */
public record Score(String userId, double scoreGiven, double scoreMaximum, OffsetDateTime timestamp) {
    /** The media type of a score. */
    public static final String MEDIA_TYPE = "application/vnd.ims.lis.v1.score+json";

    /** @return the score as AGS JSON */
    public java.util.Map<String, Object> json() {
        return java.util.Map.of("userId", userId, "scoreGiven", scoreGiven, "scoreMaximum", scoreMaximum,
                "activityProgress", "Completed", "gradingProgress", "FullyGraded",
                "timestamp", timestamp.toString());
    }
}
