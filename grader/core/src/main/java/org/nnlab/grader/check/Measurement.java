package org.nnlab.grader.check;

/**
 * Accuracy and mean cross-entropy of a network on one part of the data, computed by the trusted side from the
 * evaluation sandbox's predictions and labels it never gave out.
 *
 * @param accuracy fraction classified correctly
 * @param loss     mean cross-entropy
 */
public record Measurement(double accuracy, double loss) {
}
