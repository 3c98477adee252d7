package org.nnlab.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One epoch of a run as the harness measured it.
 *
 * @param epoch              1 for the first epoch
 * @param trainingLoss       mean of the minibatch scores since the previous epoch ended
 * @param validationLoss     mean cross-entropy on the validation part, in inference mode
 * @param validationAccuracy fraction of the validation part classified correctly
 * @param learningRate       the learning rate of the network's updater at the end of the epoch
 * @param minibatches        how many minibatch updates the epoch had
 * @param gradientNorm       mean over the epoch's minibatch updates of the L2 norm of the whole network's gradient of
 *                           the minibatch's mean loss, as gradient clipping receives it: before clipping,
 *                           regularization and the updater; NaN when not measured (no update, or a report from
 *                           before it was recorded)
 */
public record EpochRecord(int epoch, double trainingLoss, double validationLoss, double validationAccuracy,
                          double learningRate, int minibatches, double gradientNorm) {

    /** Reads an epoch from JSON, where a missing {@code gradientNorm} (an older report) is NaN, not 0. */
    @JsonCreator
    static EpochRecord fromJson(@JsonProperty("epoch") int epoch, @JsonProperty("trainingLoss") double trainingLoss,
                                @JsonProperty("validationLoss") double validationLoss,
                                @JsonProperty("validationAccuracy") double validationAccuracy,
                                @JsonProperty("learningRate") double learningRate,
                                @JsonProperty("minibatches") int minibatches,
                                @JsonProperty("gradientNorm") Double gradientNorm) {
        return new EpochRecord(epoch, trainingLoss, validationLoss, validationAccuracy, learningRate, minibatches,
                gradientNorm == null ? Double.NaN : gradientNorm);
    }
}
