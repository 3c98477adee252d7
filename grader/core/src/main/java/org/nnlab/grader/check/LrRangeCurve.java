package org.nnlab.grader.check;

import java.util.List;
import org.nnlab.protocol.EpochRecord;

/**
 * The loss-vs-rate curve of a learning-rate range test, one recorded epoch per step, and the rate fastai's
 * {@code lr_find} suggests from it (its "minimum / 10" rule).
 *
 * @param steps the recorded steps: the training loss of each is its minibatch's loss, its rate the step's rate
 */
record LrRangeCurve(List<EpochRecord> steps) {

    /** Copies the list. */
    LrRangeCurve {
        steps = List.copyOf(steps);
    }

    /**
     * How a rate is derived from the curve.
     *
     * @param smoothing  beta of the bias-corrected exponential moving average of the loss
     * @param divergence the loss diverged once its smoothed value exceeds this many times the lowest so far
     * @param divisor    the suggested rate is the rate at the minimum divided by this
     */
    record Rule(double smoothing, double divergence, double divisor) {
    }

    /**
     * @param minimumStep    the step (from 0) of the lowest smoothed loss before the divergence
     * @param rateAtMinimum  the rate of that step
     * @param divergenceStep the first step whose loss is not finite or whose smoothed loss exceeds the divergence
     *                       limit, or -1 when none does
     * @param rate           the suggested rate: {@code rateAtMinimum / divisor}
     */
    record Suggestion(int minimumStep, double rateAtMinimum, int divergenceStep, double rate) {
    }

    /**
     * Smooths the loss {@code l_i} of step {@code i} (from 0) with {@code a_i = beta a_(i-1) + (1 - beta) l_i},
     * {@code a_(-1) = 0}, and {@code s_i = a_i / (1 - beta^(i+1))}; stops at the first step whose loss is not finite
     * or whose {@code s_i} exceeds {@code divergence} times the lowest {@code s_j} so far ({@code j <= i}); and
     * suggests the rate of the step with the lowest {@code s_i} before it, divided by {@code divisor}.
     *
     * @return the suggestion, or null when the first loss is not finite
     */
    Suggestion suggest(Rule rule) {
        double average = 0;
        double best = Double.POSITIVE_INFINITY;
        int bestStep = -1;
        int divergenceStep = -1;
        for (int i = 0; i < steps.size(); i++) {
            double loss = steps.get(i).trainingLoss();
            if (!Double.isFinite(loss)) {
                divergenceStep = i;
                break;
            }
            average = rule.smoothing() * average + (1 - rule.smoothing()) * loss;
            double smoothed = average / (1 - Math.pow(rule.smoothing(), i + 1));
            if (smoothed < best) {
                best = smoothed;
                bestStep = i;
            }
            if (smoothed > rule.divergence() * best) {
                divergenceStep = i;
                break;
            }
        }
        if (bestStep < 0) {
            return null;
        }
        double rate = steps.get(bestStep).learningRate();
        return new Suggestion(bestStep, rate, divergenceStep, rate / rule.divisor());
    }
}
