package org.nnlab.grader.result;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.nnlab.protocol.EpochRecord;

/**
 * One recorded epoch of a run.
 *
 * @param epoch              1 for the first
 * @param trainingLoss       mean minibatch score of the epoch
 * @param validationLoss     validation cross-entropy
 * @param validationAccuracy validation accuracy
 * @param learningRate       the updater's learning rate at the end of the epoch
 * @param gradientNorm       the mean L2 norm of the network's gradient over the epoch's minibatch updates, before
 *                           clipping; NaN when not measured
 */
public record EpochResult(int epoch, double trainingLoss, double validationLoss, double validationAccuracy,
                          double learningRate, double gradientNorm) {

    /** @return the epoch as the harness recorded it */
    public static EpochResult of(EpochRecord epoch) {
        return new EpochResult(epoch.epoch(), epoch.trainingLoss(), epoch.validationLoss(), epoch.validationAccuracy(),
                epoch.learningRate(), epoch.gradientNorm());
    }

    /** Reads an epoch from JSON, where a missing {@code gradientNorm} (an older result) is NaN, not 0. */
    @JsonCreator
    static EpochResult fromJson(@JsonProperty("epoch") int epoch, @JsonProperty("trainingLoss") double trainingLoss,
                                @JsonProperty("validationLoss") double validationLoss,
                                @JsonProperty("validationAccuracy") double validationAccuracy,
                                @JsonProperty("learningRate") double learningRate,
                                @JsonProperty("gradientNorm") Double gradientNorm) {
        return new EpochResult(epoch, trainingLoss, validationLoss, validationAccuracy, learningRate,
                gradientNorm == null ? Double.NaN : gradientNorm);
    }
}
