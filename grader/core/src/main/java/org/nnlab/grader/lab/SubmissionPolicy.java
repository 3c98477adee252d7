package org.nnlab.grader.lab;

import java.time.Duration;
import java.util.Locale;

/**
 * How often a student may submit to a lab, and which graded submission counts.
 *
 * @param limit  the most submissions one student may make within any {@code window}
 * @param window the sliding window the limit applies to
 * @param counts which graded submission gives the lab's score
 */
public record SubmissionPolicy(int limit, Duration window, Counts counts) {
    /** The policy of a lab file that declares none: 10 submissions an hour, the best one counts. */
    public static final SubmissionPolicy DEFAULT = new SubmissionPolicy(10, Duration.ofHours(1), Counts.BEST);

    /** Which graded submission gives the lab's score. */
    public enum Counts {
        /** The highest score of all graded submissions. */
        BEST,
        /** The score of the most recent graded submission. */
        LATEST;

        /** @return the value as the lab file writes it */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
