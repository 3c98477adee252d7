package org.nnlab.grader.check;

import java.util.ArrayList;
import java.util.List;
import org.nnlab.grader.lab.Fields;
import org.nnlab.grader.network.LayerDescription;
import org.nnlab.protocol.EpochRecord;

/**
 * The recorded curves agree with the grader's own measurement of each saved network: the last epoch's validation
 * accuracy and loss equal those recomputed in the evaluation sandbox, and the learning rate saved in the network's
 * configuration equals the last recorded one. A mismatch is an integrity failure, not a numeric slip: the curves
 * were not produced by the network that was saved.
 */
public final class ConsistencyCheck implements Check {

    /** The {@code consistency} check type. */
    public static final CheckType TYPE = new SimpleCheckType("consistency",
            "the last recorded epoch of each run matches the grader's measurement of its saved network; params: runs, "
                    + "lossTolerance (default 1e-4), accuracyTolerance (default 1e-9)", ConsistencyCheck::create);

    private final List<String> runs;
    private final double lossTolerance;
    private final double accuracyTolerance;

    private ConsistencyCheck(List<String> runs, double lossTolerance, double accuracyTolerance) {
        this.runs = runs;
        this.lossTolerance = lossTolerance;
        this.accuracyTolerance = accuracyTolerance;
    }

    private static Check create(Fields params) {
        Check check = new ConsistencyCheck(params.strings("runs"), params.number("lossTolerance", 0, 1, 1e-4),
                params.number("accuracyTolerance", 0, 1, 1e-9));
        params.finish();
        return check;
    }

    @Override
    public CheckOutcome evaluate(Evidence evidence) {
        List<String> mismatches = new ArrayList<>();
        for (String name : runs) {
            RunEvidence run = evidence.run(name).orElse(null);
            if (run == null || run.epochs().isEmpty() || run.validation() == null || run.network() == null) {
                return CheckOutcome.fail("Run " + name + " needs recorded epochs and a saved network the grader can "
                        + "measure" + (run == null || run.problem() == null ? "" : " (" + run.problem() + ")") + ".");
            }
            EpochRecord last = run.epochs().get(run.epochs().size() - 1);
            if (Math.abs(last.validationAccuracy() - run.validation().accuracy()) > accuracyTolerance) {
                mismatches.add("run " + name + " recorded a final validation accuracy of "
                        + Numbers.percent(last.validationAccuracy()) + ", but its saved network measures "
                        + Numbers.percent(run.validation().accuracy()) + ".");
            }
            if (!(Math.abs(last.validationLoss() - run.validation().loss()) <= lossTolerance)) {
                mismatches.add("run " + name + " recorded a final validation loss of "
                        + Numbers.show(last.validationLoss()) + ", but its saved network measures "
                        + Numbers.show(run.validation().loss()) + ".");
            }
            for (LayerDescription layer : run.network().layers()) {
                if (!Double.isNaN(layer.learningRate())
                        && !Numbers.close(layer.learningRate(), last.learningRate(), 1e-6)) {
                    mismatches.add("run " + name + " recorded a final learning rate of "
                            + Numbers.show(last.learningRate()) + ", but its saved configuration says "
                            + Numbers.show(layer.learningRate()) + ".");
                    break;
                }
            }
        }
        if (mismatches.isEmpty()) {
            return CheckOutcome.pass("The recorded curves match the grader's measurements of the saved networks.");
        }
        return new CheckOutcome(0, "Integrity failure: " + String.join(" ", mismatches) + " The curves were not "
                + "produced by the saved network: train after the last endEpoch() or edited results make the "
                + "recorded curves untrustworthy, so the checks that rely on them score nothing.", true);
    }
}
