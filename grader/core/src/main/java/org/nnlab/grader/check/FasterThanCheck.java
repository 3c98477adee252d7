package org.nnlab.grader.check;

import java.util.List;
import org.nnlab.grader.lab.Fields;
import org.nnlab.protocol.EpochRecord;

/**
 * One run trains faster than another: at a given epoch of the recorded curves, its metric is better than the slower
 * run's by more than a margin (lower for losses, higher for accuracy). Parameters: {@code run} (the faster),
 * {@code slower}, {@code epoch} (the epoch compared, from 1), {@code metric} (validationLoss, trainingLoss or
 * validationAccuracy; default validationLoss), {@code margin} (absolute, default 0).
 */
public final class FasterThanCheck implements Check {

    /** The {@code faster-than} check type. */
    public static final CheckType TYPE = new SimpleCheckType("faster-than",
            "a run's recorded metric at an epoch beats another run's by more than a margin (lower loss or higher "
                    + "accuracy); params: run, slower, epoch, metric (validationLoss, trainingLoss or "
                    + "validationAccuracy; default validationLoss), margin (default 0)", FasterThanCheck::create);

    private final String run;
    private final String slower;
    private final int epoch;
    private final CurveMetric metric;
    private final double margin;

    private FasterThanCheck(String run, String slower, int epoch, CurveMetric metric, double margin) {
        this.run = run;
        this.slower = slower;
        this.epoch = epoch;
        this.metric = metric;
        this.margin = margin;
    }

    private static Check create(Fields params) {
        String run = params.string("run");
        String slower = params.string("slower");
        if (slower.equals(run)) {
            throw params.invalid("slower", "must name another run than run");
        }
        Check check = new FasterThanCheck(run, slower, params.integer("epoch", 1),
                CurveMetric.read(params, "metric", CurveMetric.VALIDATION_LOSS),
                params.number("margin", 0, Double.MAX_VALUE, 0));
        params.finish();
        return check;
    }

    @Override
    public CheckOutcome evaluate(Evidence evidence) {
        for (String name : List.of(run, slower)) {
            int recorded = evidence.run(name).map(r -> r.epochs().size()).orElse(0);
            if (recorded < epoch) {
                return CheckOutcome.fail("Run " + name + " recorded " + recorded + " epoch(s); the runs are compared "
                        + "at epoch " + epoch + ": train every run for the lab's epochs and call endEpoch() after "
                        + "each.");
            }
        }
        double fast = value(evidence, run);
        double slow = value(evidence, slower);
        double ahead = metric.advantage(fast, slow);
        String found = "At epoch " + epoch + ", run " + run + "'s " + metric.words() + " is " + Numbers.show(fast)
                + " and run " + slower + "'s is " + Numbers.show(slow);
        if (ahead > margin) {
            return CheckOutcome.pass(found + ": " + run + " is ahead by " + Numbers.show(ahead) + " (more than "
                    + Numbers.show(margin) + " was expected).");
        }
        return CheckOutcome.fail(found + "; expected " + run + " to be ahead by more than " + Numbers.show(margin)
                + ". Check that each run uses the setting the lab asks for, with the same epochs and data.");
    }

    private double value(Evidence evidence, String name) {
        EpochRecord record = evidence.run(name).orElseThrow().epochs().get(epoch - 1);
        return metric.of(record);
    }

    @Override
    public boolean usesRecordedCurves() {
        return true;
    }
}
