package org.nnlab.grader.check;

import org.nnlab.protocol.EpochRecord;

/**
 * Accuracy and mean cross-entropy of a network on one part of the data, computed by the trusted side from the
 * evaluation sandbox's predictions and labels it never gave out.
 *
 * @param accuracy fraction classified correctly
 * @param loss     mean cross-entropy
 */
public record Measurement(double accuracy, double loss) {

    /**
     * @return whether this measurement of the validation part equals what the harness recorded for {@code epoch},
     *     within the absolute tolerances: the saved network is the one that epoch measured
     */
    public boolean matches(EpochRecord epoch, double lossTolerance, double accuracyTolerance) {
        return Math.abs(epoch.validationAccuracy() - accuracy) <= accuracyTolerance
                && Math.abs(epoch.validationLoss() - loss) <= lossTolerance;
    }
}
