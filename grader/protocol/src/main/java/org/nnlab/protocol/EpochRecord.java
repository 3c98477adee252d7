package org.nnlab.protocol;

/**
 * One epoch of a run as the harness measured it.
 *
 * @param epoch              1 for the first epoch
 * @param trainingLoss       mean of the minibatch scores since the previous epoch ended
 * @param validationLoss     mean cross-entropy on the validation part, in inference mode
 * @param validationAccuracy fraction of the validation part classified correctly
 * @param learningRate       the learning rate of the network's updater at the end of the epoch
 * @param minibatches        how many minibatch updates the epoch had
 */
public record EpochRecord(int epoch, double trainingLoss, double validationLoss, double validationAccuracy,
                          double learningRate, int minibatches) {
}
