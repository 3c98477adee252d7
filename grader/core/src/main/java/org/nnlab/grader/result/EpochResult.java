package org.nnlab.grader.result;

/**
 * One recorded epoch of a run.
 *
 * @param epoch              1 for the first
 * @param trainingLoss       mean minibatch score of the epoch
 * @param validationLoss     validation cross-entropy
 * @param validationAccuracy validation accuracy
 * @param learningRate       the updater's learning rate at the end of the epoch
 */
public record EpochResult(int epoch, double trainingLoss, double validationLoss, double validationAccuracy,
                          double learningRate) {
}
