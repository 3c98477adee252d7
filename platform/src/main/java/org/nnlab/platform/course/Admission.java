package org.nnlab.platform.course;

/**
 * Whether a submission made at some moment is accepted under its lab's dates and late policy.
 *
 * @param refusal  why it is refused, or null when accepted
 * @param daysLate started days after the deadline, 0 when on time
 * @param penalty  the fraction of the score it loses, from 0 to 1
 */
public record Admission(String refusal, int daysLate, double penalty) {

    /** @return whether the submission is accepted */
    public boolean accepted() {
        return refusal == null;
    }
}
