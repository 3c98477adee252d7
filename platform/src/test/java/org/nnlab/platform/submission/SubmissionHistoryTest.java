package org.nnlab.platform.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nnlab.grader.lab.SubmissionPolicy;

class SubmissionHistoryTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 23, 12, 0);
    private static final SubmissionPolicy BEST = new SubmissionPolicy(3, Duration.ofMinutes(60),
            SubmissionPolicy.Counts.BEST);
    private static final SubmissionPolicy LATEST = new SubmissionPolicy(3, Duration.ofMinutes(60),
            SubmissionPolicy.Counts.LATEST);

    @Test
    void theBestScoreCountsWhenTheLabSaysBest() {
        SubmissionRecord first = graded(90, 80);
        SubmissionRecord second = graded(60, 95);
        SubmissionRecord third = graded(30, 70);

        SubmissionHistory history = new SubmissionHistory(List.of(first, third, second), BEST, false);

        assertEquals(Optional.of(second), history.counting());
        assertEquals(95.0, history.score());
    }

    @Test
    void amongEqualBestScoresTheEarliestCounts() {
        SubmissionRecord first = graded(90, 95);
        SubmissionRecord second = graded(60, 95);

        assertEquals(Optional.of(first), new SubmissionHistory(List.of(second, first), BEST, false).counting());
    }

    @Test
    void theLatestGradedScoreCountsWhenTheLabSaysLatest() {
        SubmissionRecord first = graded(90, 95);
        SubmissionRecord second = graded(60, 70);
        SubmissionRecord queued = submitted(1);

        SubmissionHistory history = new SubmissionHistory(List.of(first, queued, second), LATEST, false);

        assertEquals(70.0, history.score());
        assertEquals("queued", history.status());
    }

    @Test
    void theInstructorsOverridesCountOnlyOnceReleased() {
        SubmissionRecord first = graded(90, 80);
        SubmissionRecord second = graded(60, 90);
        first.setAdjustedScore(95.0);

        assertEquals(Optional.of(second), new SubmissionHistory(List.of(first, second), BEST, false).counting());
        assertEquals(90.0, new SubmissionHistory(List.of(first, second), BEST, false).score());
        assertEquals(Optional.of(first), new SubmissionHistory(List.of(first, second), BEST, true).counting());
        assertEquals(95.0, new SubmissionHistory(List.of(first, second), BEST, true).score());
    }

    @Test
    void nothingCountsBeforeAGrade() {
        SubmissionHistory history = new SubmissionHistory(List.of(submitted(5)), BEST, false);

        assertNull(history.score());
        assertEquals("queued", history.status());
        assertEquals("not started", new SubmissionHistory(List.of(), BEST, false).status());
    }

    @Test
    void onlySubmissionsInsideTheWindowUseUpTheLimit() {
        SubmissionHistory history = new SubmissionHistory(List.of(submitted(90), submitted(50), submitted(10)), BEST,
                false);

        assertEquals(1, history.remaining(NOW));
        assertTrue(history.nextAllowed(NOW).isEmpty());
    }

    @Test
    void atTheLimitTheNextSubmissionWaitsForTheOldestInTheWindowToLeaveIt() {
        SubmissionHistory history = new SubmissionHistory(List.of(submitted(50), submitted(20), submitted(5),
                submitted(120)), BEST, false);

        assertEquals(0, history.remaining(NOW));
        assertEquals(Optional.of(NOW.minusMinutes(50).plusMinutes(60)), history.nextAllowed(NOW));
    }

    @Test
    void theLimitIsDescribedAsAStudentReadsIt() {
        assertEquals("3 submissions per hour", new SubmissionHistory(List.of(), BEST, false).limitDescription());
        assertEquals("1 submission per 30 minutes", new SubmissionHistory(List.of(), new SubmissionPolicy(1,
                Duration.ofMinutes(30), SubmissionPolicy.Counts.BEST), false).limitDescription());
        assertEquals("5 submissions per 24 hours", new SubmissionHistory(List.of(), new SubmissionPolicy(5,
                Duration.ofHours(24), SubmissionPolicy.Counts.BEST), false).limitDescription());
    }

    private static SubmissionRecord submitted(int minutesAgo) {
        return new SubmissionRecord(null, "lab", 1, "{}", "{}", "0".repeat(64), NOW.minusMinutes(minutesAgo));
    }

    private static SubmissionRecord graded(int minutesAgo, double score) {
        SubmissionRecord record = submitted(minutesAgo);
        record.graded(score, 100, "{}", NOW.minusMinutes(minutesAgo).plusMinutes(1));
        return record;
    }
}
