package org.nnlab.grader.network;

/**
 * One regularization entry of a layer.
 *
 * @param type        {@code WeightDecay}, {@code L2} or {@code L1} (or the class name of another kind)
 * @param coefficient its coefficient; NaN when it follows a schedule rather than a fixed value
 */
public record RegularizationTerm(String type, double coefficient) {
}
