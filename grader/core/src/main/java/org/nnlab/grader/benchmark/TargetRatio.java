package org.nnlab.grader.benchmark;

/**
 * A ratio of two medians from the same run, set against the target the performance issue names.
 *
 * @param name        what the ratio compares, e.g. {@code end-to-end / in-process floor}
 * @param numerator   the median on top
 * @param denominator the median below
 * @param atMost      true when the ratio must not exceed the target, false when it must reach it
 * @param target      the target
 */
public record TargetRatio(String name, double numerator, double denominator, boolean atMost, double target) {

    /** @return numerator / denominator */
    public double value() {
        return numerator / denominator;
    }

    /** @return whether the ratio meets its target */
    public boolean met() {
        return atMost ? value() <= target : value() >= target;
    }

    /** @return the target as written in a table, e.g. {@code <= 1.25} */
    public String targetText() {
        return (atMost ? "<= " : ">= ") + BenchmarkReport.number(target);
    }
}
