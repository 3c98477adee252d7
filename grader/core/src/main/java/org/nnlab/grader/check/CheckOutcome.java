package org.nnlab.grader.check;

/**
 * A check's judgement.
 *
 * @param fraction         the share of the check's points earned, from 0 to 1
 * @param message          what was found, what was expected and a hint, for the student
 * @param integrityFailure true when the recorded results contradict the grader's own measurements
 */
public record CheckOutcome(double fraction, String message, boolean integrityFailure) {

    /** Clamps the fraction to [0, 1]. */
    public CheckOutcome {
        fraction = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
    }

    /** @return full marks */
    public static CheckOutcome pass(String message) {
        return new CheckOutcome(1, message, false);
    }

    /** @return no marks */
    public static CheckOutcome fail(String message) {
        return new CheckOutcome(0, message, false);
    }

    /** @return part of the marks */
    public static CheckOutcome partial(double fraction, String message) {
        return new CheckOutcome(fraction, message, false);
    }
}
