package org.nnlab.grader.check;

import java.util.List;
import org.nnlab.grader.lab.Fields;
import org.nnlab.protocol.EpochRecord;

/** A value the solution reported equals the best of a recorded curve, e.g. the best validation accuracy. */
public final class ReportedValueCheck implements Check {

    /** The {@code reported-value} check type. */
    public static final CheckType TYPE = new SimpleCheckType("reported-value",
            "a reported value equals the maximum (or minimum) of a run's recorded curve; params: key, run, metric "
                    + "(validationAccuracy, validationLoss, trainingLoss), aggregate (max or min), tolerance (absolute)",
            ReportedValueCheck::create);

    private final String key;
    private final String run;
    private final CurveMetric metric;
    private final boolean maximum;
    private final double tolerance;

    private ReportedValueCheck(String key, String run, CurveMetric metric, boolean maximum, double tolerance) {
        this.key = key;
        this.run = run;
        this.metric = metric;
        this.maximum = maximum;
        this.tolerance = tolerance;
    }

    private static Check create(Fields params) {
        CurveMetric metric = CurveMetric.read(params, "metric");
        String aggregate = params.string("aggregate", "max");
        if (!aggregate.equals("max") && !aggregate.equals("min")) {
            throw params.invalid("aggregate", "must be max or min");
        }
        Check check = new ReportedValueCheck(params.string("key"), params.string("run"), metric,
                aggregate.equals("max"), params.number("tolerance", 0, 1));
        params.finish();
        return check;
    }

    @Override
    public CheckOutcome evaluate(Evidence evidence) {
        Double reported = evidence.reported().get(key);
        if (reported == null) {
            return CheckOutcome.fail("No value was reported for " + key + ": call ctx.report(\"" + key
                    + "\", value).");
        }
        List<EpochRecord> epochs = evidence.run(run).map(RunEvidence::epochs).orElse(List.of());
        if (epochs.isEmpty()) {
            return CheckOutcome.fail("Run " + run + " recorded no epoch to compare " + key + " with.");
        }
        double expected = maximum ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        int at = 0;
        for (EpochRecord epoch : epochs) {
            double value = metric.of(epoch);
            if (maximum ? value > expected : value < expected) {
                expected = value;
                at = epoch.epoch();
            }
        }
        String best = (maximum ? "maximum" : "minimum") + " of run " + run + "'s " + metric.label() + " curve is "
                + Numbers.show(expected) + " (epoch " + at + ")";
        if (Math.abs(reported - expected) <= tolerance) {
            return CheckOutcome.pass(key + " = " + Numbers.show(reported) + " matches the recorded curve: the " + best
                    + ".");
        }
        return CheckOutcome.fail("Reported " + key + " = " + Numbers.show(reported) + ", but the " + best
                + ". Report the best value over all epochs as measured by endEpoch(), not the last one or one of "
                + "your own.");
    }

    @Override
    public boolean usesRecordedCurves() {
        return true;
    }
}
