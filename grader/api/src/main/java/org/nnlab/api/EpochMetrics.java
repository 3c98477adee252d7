package org.nnlab.api;

/**
 * One epoch of a run as the harness measured it.
 *
 * @param epoch              1 for the first epoch
 * @param trainingLoss       mean of the minibatch scores of the epoch (including regularization terms)
 * @param validationLoss     mean cross-entropy on the validation part, in inference mode
 * @param validationAccuracy fraction of the validation part classified correctly
 * @param learningRate       the learning rate of the network's updater at the end of the epoch
 */
public record EpochMetrics(int epoch, double trainingLoss, double validationLoss, double validationAccuracy,
                           double learningRate) {
}
