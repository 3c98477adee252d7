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
 *
 * <p>Labs whose solutions restore earlier weights before {@code train()} returns (early stopping restores the best
 * epoch's) declare {@code savedEpoch: any}: the saved network must then equal one of the recorded epochs, in
 * validation accuracy, loss and learning rate. Which epoch it should be is another check's business.
 */
public final class ConsistencyCheck implements Check {

    /** The {@code consistency} check type. */
    public static final CheckType TYPE = new SimpleCheckType("consistency",
            "the last recorded epoch of each run matches the grader's measurement of its saved network; params: runs, "
                    + "savedEpoch (last, or any for labs that restore an earlier epoch's weights; default last), "
                    + "lossTolerance (default 1e-4), accuracyTolerance (default 1e-9)", ConsistencyCheck::create);

    private final List<String> runs;
    private final boolean anyEpoch;
    private final double lossTolerance;
    private final double accuracyTolerance;

    private ConsistencyCheck(List<String> runs, boolean anyEpoch, double lossTolerance, double accuracyTolerance) {
        this.runs = runs;
        this.anyEpoch = anyEpoch;
        this.lossTolerance = lossTolerance;
        this.accuracyTolerance = accuracyTolerance;
    }

    private static Check create(Fields params) {
        String savedEpoch = params.string("savedEpoch", "last");
        if (!savedEpoch.equals("last") && !savedEpoch.equals("any")) {
            throw params.invalid("savedEpoch", "must be last or any");
        }
        Check check = new ConsistencyCheck(params.strings("runs"), savedEpoch.equals("any"),
                params.number("lossTolerance", 0, 1, 1e-4), params.number("accuracyTolerance", 0, 1, 1e-9));
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
            if (anyEpoch) {
                if (run.epochs().stream().noneMatch(epoch -> run.validation().matches(epoch, lossTolerance,
                        accuracyTolerance) && learningRateMismatch(run, epoch) == null)) {
                    mismatches.add("run " + name + "'s saved network measures a validation accuracy of "
                            + Numbers.percent(run.validation().accuracy()) + " and loss "
                            + Numbers.show(run.validation().loss()) + ", which matches none of its "
                            + run.epochs().size() + " recorded epochs.");
                }
            } else {
                mismatches.addAll(lastEpochMismatches(run));
            }
        }
        if (mismatches.isEmpty()) {
            return CheckOutcome.pass("The recorded curves match the grader's measurements of the saved networks.");
        }
        return new CheckOutcome(0, "Integrity failure: " + String.join(" ", mismatches) + " The curves were not "
                + "produced by the saved network: train after the last endEpoch() or edited results make the "
                + "recorded curves untrustworthy, so the checks that rely on them score nothing.", true);
    }

    private List<String> lastEpochMismatches(RunEvidence run) {
        List<String> mismatches = new ArrayList<>();
        EpochRecord last = run.epochs().get(run.epochs().size() - 1);
        if (Math.abs(last.validationAccuracy() - run.validation().accuracy()) > accuracyTolerance) {
            mismatches.add("run " + run.name() + " recorded a final validation accuracy of "
                    + Numbers.percent(last.validationAccuracy()) + ", but its saved network measures "
                    + Numbers.percent(run.validation().accuracy()) + ".");
        }
        if (!(Math.abs(last.validationLoss() - run.validation().loss()) <= lossTolerance)) {
            mismatches.add("run " + run.name() + " recorded a final validation loss of "
                    + Numbers.show(last.validationLoss()) + ", but its saved network measures "
                    + Numbers.show(run.validation().loss()) + ".");
        }
        String learningRate = learningRateMismatch(run, last);
        if (learningRate != null) {
            mismatches.add(learningRate);
        }
        return mismatches;
    }

    /** @return how the saved configuration's learning rate differs from the epoch's, or null when it does not */
    private static String learningRateMismatch(RunEvidence run, EpochRecord epoch) {
        for (LayerDescription layer : run.network().layers()) {
            if (!Double.isNaN(layer.learningRate())
                    && !Numbers.close(layer.learningRate(), epoch.learningRate(), 1e-6)) {
                return "run " + run.name() + " recorded a final learning rate of " + Numbers.show(epoch.learningRate())
                        + ", but its saved configuration says " + Numbers.show(layer.learningRate()) + ".";
            }
        }
        return null;
    }
}
