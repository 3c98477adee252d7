package org.nnlab.grader.check;

import java.util.ArrayList;
import java.util.List;
import org.nnlab.grader.lab.Fields;
import org.nnlab.protocol.EpochRecord;

/**
 * Each run has the expected number of epochs, every value is finite, every epoch trained on minibatches, the
 * training loss fell from the first epoch to the last, and it ends below the loss of a uniform guess
 * ({@code ln(classes)}): a run that ends above it diverged or learned nothing.
 */
public final class CurvesCheck implements Check {

    /** The {@code curves} check type: {@code runs} (names), {@code epochsParameter} (default {@code epochs}). */
    public static final CheckType TYPE = new SimpleCheckType("curves",
            "each run has the expected epochs, finite values, and a falling training loss; params: runs, "
                    + "epochsParameter (default epochs)", CurvesCheck::create);

    private final List<String> runs;
    private final String epochsParameter;

    private CurvesCheck(List<String> runs, String epochsParameter) {
        this.runs = runs;
        this.epochsParameter = epochsParameter;
    }

    private static Check create(Fields params) {
        Check check = new CurvesCheck(params.strings("runs"), params.string("epochsParameter", "epochs"));
        params.finish();
        return check;
    }

    @Override
    public CheckOutcome evaluate(Evidence evidence) {
        Double expected = evidence.parameters().get(epochsParameter);
        List<String> problems = new ArrayList<>();
        for (String name : runs) {
            RunEvidence run = evidence.run(name).orElse(null);
            if (run == null) {
                problems.add("run " + name + " was never tracked: call ctx.track(\"" + name + "\", network)");
                continue;
            }
            String problem = problem(run, expected == null ? -1 : expected.intValue(), evidence.classes());
            if (problem != null) {
                problems.add(problem);
            }
        }
        if (problems.isEmpty()) {
            return CheckOutcome.pass("Every run has " + (expected == null ? "its" : expected.intValue())
                    + " epochs of finite values and a falling training loss.");
        }
        return CheckOutcome.partial((double) (runs.size() - problems.size()) / runs.size(), String.join(" ", problems));
    }

    private static String problem(RunEvidence run, int expectedEpochs, int classes) {
        List<EpochRecord> epochs = run.epochs();
        if (expectedEpochs > 0 && epochs.size() != expectedEpochs) {
            return "Run " + run.name() + " recorded " + epochs.size() + " epochs; expected " + expectedEpochs
                    + ". Call endEpoch() exactly once after each training epoch.";
        }
        if (epochs.isEmpty()) {
            return "Run " + run.name() + " recorded no epoch. Call endEpoch() after each training epoch.";
        }
        for (EpochRecord epoch : epochs) {
            if (epoch.minibatches() == 0) {
                return "Run " + run.name() + ", epoch " + epoch.epoch() + ": no minibatch was trained before "
                        + "endEpoch(). Call endEpoch() once after each epoch of fit(), not more often.";
            }
            if (!Double.isFinite(epoch.trainingLoss()) || !Double.isFinite(epoch.validationLoss())) {
                return "Run " + run.name() + ", epoch " + epoch.epoch() + ": the loss is " + Numbers.show(
                        Double.isFinite(epoch.trainingLoss()) ? epoch.validationLoss() : epoch.trainingLoss())
                        + ". The training diverged: the learning rate is far too high for this network.";
            }
        }
        double first = epochs.get(0).trainingLoss();
        double last = epochs.get(epochs.size() - 1).trainingLoss();
        double uniformGuess = Math.log(classes);
        if (last >= uniformGuess) {
            return "Run " + run.name() + ": the training loss ends at " + Numbers.show(last) + " (epoch "
                    + epochs.size() + "), no better than the " + Numbers.show(uniformGuess) + " of a uniform guess "
                    + "over " + classes + " classes. The training diverged: the learning rate is far too high for "
                    + "this network.";
        }
        if (!(last < first)) {
            return "Run " + run.name() + ": the training loss went from " + Numbers.show(first) + " (epoch 1) to "
                    + Numbers.show(last) + " (epoch " + epochs.size() + "); expected it to fall. The network is not "
                    + "learning: check the learning rate and that fit() is called on the training batches.";
        }
        return null;
    }

    @Override
    public boolean usesRecordedCurves() {
        return true;
    }
}
