package org.nnlab.grader.check;

import java.util.ArrayList;
import java.util.List;
import org.nnlab.grader.lab.Fields;
import org.nnlab.protocol.EpochRecord;

/**
 * A learning-rate range test (Leslie Smith's "LR finder", with fastai's smoothing and selection rule): one run whose
 * recorded "epochs" are single optimizer steps, the rate rising exponentially, {@code lr_i = start * (end /
 * start)^(i / (steps - 1))} for {@code i = 0 .. steps - 1}; and the rate the solution chose from it. Up to three
 * equal parts:
 * <ol>
 *   <li>the trace: exactly {@code steps} recorded steps, from {@code start}, growing by the constant factor
 *       {@code (end / start)^(1 / (steps - 1))} per step (so monotone) to {@code end}, within
 *       {@code relativeTolerance};</li>
 *   <li>the choice: the value reported as {@code key} lies within a factor {@code factor} of the rate this check
 *       derives from the recorded loss-vs-rate curve (see {@link LrRangeCurve#suggestedRate});</li>
 *   <li>with {@code trainedRun}: that run's recorded learning rate equals the reported rate at every epoch.</li>
 * </ol>
 * Non-finite losses (the test drives the rate far past divergence) end the usable part of the curve.
 *
 * <p>Parameters: {@code run}, {@code start}, {@code end}, {@code steps} (at least 3), {@code key} (default
 * {@code chosenLearningRate}), {@code factor} (at least 1, default 2), {@code smoothing} (beta of the moving average,
 * from 0 to 0.999, default 0.98), {@code divergence} (above 1, default 4), {@code divisor} (at least 1, default 10),
 * {@code trainedRun} (optional), {@code relativeTolerance} (default 1e-6).
 */
public final class LrRangeTestCheck implements Check {

    /** The {@code lr-range-test} check type. */
    public static final CheckType TYPE = new SimpleCheckType("lr-range-test",
            "a learning-rate range test: one step per recorded epoch, the rate rising exponentially from start to end "
                    + "over steps; the reported rate within a factor of the minimum of the smoothed loss divided by a "
                    + "divisor; optionally a run trained at the reported rate; params: run, start, end, steps, key "
                    + "(default chosenLearningRate), factor (default 2), smoothing (default 0.98), divergence (default "
                    + "4), divisor (default 10), trainedRun (optional), relativeTolerance (default 1e-6)",
            LrRangeTestCheck::create);

    private final String run;
    private final double start;
    private final double end;
    private final int steps;
    private final String key;
    private final double factor;
    private final LrRangeCurve.Rule rule;
    private final String trainedRun;
    private final double tolerance;

    private LrRangeTestCheck(String run, double start, double end, int steps, String key, double factor,
                             LrRangeCurve.Rule rule, String trainedRun, double tolerance) {
        this.run = run;
        this.start = start;
        this.end = end;
        this.steps = steps;
        this.key = key;
        this.factor = factor;
        this.rule = rule;
        this.trainedRun = trainedRun;
        this.tolerance = tolerance;
    }

    private static Check create(Fields params) {
        double start = params.number("start", 0, 100);
        if (start == 0) {
            throw params.invalid("start", "must be greater than 0");
        }
        double end = params.number("end", 0, 1000);
        if (end <= start) {
            throw params.invalid("end", "must be greater than start");
        }
        double divergence = params.number("divergence", 1, 1000, 4);
        if (divergence == 1) {
            throw params.invalid("divergence", "must be greater than 1");
        }
        Check check = new LrRangeTestCheck(params.string("run"), start, end, params.integer("steps", 3),
                params.string("key", "chosenLearningRate"), params.number("factor", 1, 1000, 2),
                new LrRangeCurve.Rule(params.number("smoothing", 0, 0.999, 0.98), divergence,
                        params.number("divisor", 1, 1000, 10)),
                params.string("trainedRun", null), params.number("relativeTolerance", 0, 1, 1e-6));
        params.finish();
        return check;
    }

    @Override
    public CheckOutcome evaluate(Evidence evidence) {
        List<EpochRecord> recorded = evidence.run(run).map(RunEvidence::epochs).orElse(List.of());
        if (recorded.isEmpty()) {
            return CheckOutcome.fail("Run " + run + " recorded no step: track it with ctx.track(\"" + run
                    + "\", network) and call endEpoch() after each step's fit().");
        }
        Double reported = evidence.reported().get(key);
        List<Part> parts = new ArrayList<>(List.of(trace(recorded), choice(new LrRangeCurve(recorded), reported)));
        if (trainedRun != null) {
            parts.add(trained(evidence, reported));
        }
        return CheckOutcome.partial((double) parts.stream().filter(Part::passed).count() / parts.size(),
                String.join(" ", parts.stream().map(Part::message).toList()));
    }

    /** One part of the check: whether it passed and what was found. */
    private record Part(boolean passed, String message) {
    }

    /** @return whether the recorded rates follow the exponential schedule */
    private Part trace(List<EpochRecord> recorded) {
        if (recorded.size() != steps) {
            return new Part(false, "Run " + run + " recorded " + recorded.size() + " steps; expected " + steps
                    + ": call endEpoch() once after each step's fit(batch), and run all " + steps + " steps even once "
                    + "the loss diverges.");
        }
        double ratio = Math.pow(end / start, 1.0 / (steps - 1));
        for (int i = 0; i < steps; i++) {
            double expected = start * Math.pow(ratio, i);
            double actual = recorded.get(i).learningRate();
            if (!Numbers.close(actual, expected, tolerance)) {
                String found = "Step " + i + " (epoch " + (i + 1) + ") of run " + run + " has learning rate "
                        + Numbers.show(actual) + "; lr_i = " + Numbers.show(start) + " * (" + Numbers.show(end) + "/"
                        + Numbers.show(start) + ")^(i/" + (steps - 1) + ") gives " + Numbers.show(expected) + ".";
                String hint = i > 0 && constantRatio(recorded) ? " The rate grows by a constant factor of "
                        + Numbers.show(actual / recorded.get(i - 1).learningRate()) + " per step instead of "
                        + Numbers.show(ratio) + ": the exponent is i/(N-1), so that the last step (i = N-1) reaches "
                        + Numbers.show(end) + "." : " The rate must grow by the same factor at every step (evenly "
                        + "spaced on a log scale); set the rate of step i (from 0) before its fit().";
                return new Part(false, found + hint);
            }
        }
        return new Part(true, "The rate rises exponentially from " + Numbers.show(start) + " to " + Numbers.show(end)
                + " over " + steps + " steps.");
    }

    private boolean constantRatio(List<EpochRecord> recorded) {
        double first = recorded.get(1).learningRate() / recorded.get(0).learningRate();
        for (int i = 2; i < recorded.size(); i++) {
            if (!Numbers.close(recorded.get(i).learningRate() / recorded.get(i - 1).learningRate(), first,
                    Math.max(tolerance, 1e-9))) {
                return false;
            }
        }
        return first > 1;
    }

    /** @return whether the reported rate is within the factor of the one derived from the curve */
    private Part choice(LrRangeCurve curve, Double reported) {
        if (reported == null) {
            return new Part(false, "No rate was reported: call ctx.report(\"" + key + "\", rate).");
        }
        LrRangeCurve.Suggestion suggestion = curve.suggest(rule);
        if (suggestion == null) {
            return new Part(false, "The first recorded loss of run " + run + " is not finite: no rate can be derived "
                    + "from the curve.");
        }
        String derived = "the smoothed loss (beta " + Numbers.show(rule.smoothing()) + ") is lowest at step "
                + suggestion.minimumStep() + ", rate " + Numbers.show(suggestion.rateAtMinimum()) + (suggestion
                .divergenceStep() < 0 ? ", and does not diverge" : ", and diverges at step "
                + suggestion.divergenceStep()) + "; divided by " + Numbers.show(rule.divisor()) + " that is "
                + Numbers.show(suggestion.rate());
        double ratio = reported / suggestion.rate();
        if (ratio >= 1 / factor && ratio <= factor) {
            return new Part(true, "The reported " + key + " = " + Numbers.show(reported) + " is within a factor of "
                    + Numbers.show(factor) + " of the curve's: " + derived + ".");
        }
        String hint = Numbers.close(reported, suggestion.rateAtMinimum(), 0.5)
                ? " The rate at the minimum itself is already too large: divide it by " + Numbers.show(rule.divisor())
                + "." : " Smooth the recorded losses, find the minimum before the divergence, and divide its rate by "
                + Numbers.show(rule.divisor()) + ".";
        return new Part(false, "Reported " + key + " = " + Numbers.show(reported) + ", but " + derived
                + ", and a factor of " + Numbers.show(factor) + " is allowed." + hint);
    }

    /** @return whether the trained run's rate is the reported rate at every epoch */
    private Part trained(Evidence evidence, Double reported) {
        List<EpochRecord> epochs = evidence.run(trainedRun).map(RunEvidence::epochs).orElse(List.of());
        if (epochs.isEmpty() || reported == null) {
            return new Part(false, "Run " + trainedRun + (epochs.isEmpty() ? " recorded no epoch: train it"
                    : " cannot be compared: report the rate you train it") + " with the chosen rate.");
        }
        for (EpochRecord epoch : epochs) {
            if (!Numbers.close(epoch.learningRate(), reported, tolerance)) {
                return new Part(false, "Run " + trainedRun + ", epoch " + epoch.epoch() + ": the learning rate is "
                        + Numbers.show(epoch.learningRate()) + ", not the chosen " + Numbers.show(reported)
                        + ". Train it at the rate you report.");
            }
        }
        return new Part(true, "Run " + trainedRun + " trains at the chosen rate.");
    }

    @Override
    public boolean usesRecordedCurves() {
        return true;
    }
}
