package org.nnlab.grader.check;

import java.util.ArrayList;
import java.util.List;
import org.nnlab.grader.lab.Fields;
import org.nnlab.grader.network.LayerDescription;
import org.nnlab.protocol.EpochRecord;

/**
 * A run uses the expected updater and initial learning rate; optionally the rate never changes and the network has
 * no regularization at all (no dropout, L1, L2 or weight decay). The updater and regularization are judged on the
 * configuration the run trained with where the harness recorded it, else on the saved one.
 */
public final class OptimizerCheck implements Check {

    /** The {@code optimizer} check type. */
    public static final CheckType TYPE = new SimpleCheckType("optimizer",
            "a run's updater and initial learning rate; params: run, updater (e.g. Adam), learningRate, "
                    + "relativeTolerance (default 1e-6), constant (default false), noRegularization (default false)",
            OptimizerCheck::create);

    private final String run;
    private final String updater;
    private final double learningRate;
    private final double tolerance;
    private final boolean constant;
    private final boolean noRegularization;

    private OptimizerCheck(String run, String updater, double learningRate, double tolerance, boolean constant,
                           boolean noRegularization) {
        this.run = run;
        this.updater = updater;
        this.learningRate = learningRate;
        this.tolerance = tolerance;
        this.constant = constant;
        this.noRegularization = noRegularization;
    }

    private static Check create(Fields params) {
        Check check = new OptimizerCheck(params.string("run"), params.string("updater"),
                params.number("learningRate", 0, 100), params.number("relativeTolerance", 0, 1, 1e-6),
                params.bool("constant", false), params.bool("noRegularization", false));
        params.finish();
        return check;
    }

    @Override
    public CheckOutcome evaluate(Evidence evidence) {
        RunEvidence evidenceOfRun = evidence.run(run).orElse(null);
        if (evidenceOfRun == null || evidenceOfRun.network() == null || evidenceOfRun.epochs().isEmpty()) {
            return CheckOutcome.fail("Run " + run + " has no saved network and curves to check its optimizer.");
        }
        List<String> problems = new ArrayList<>();
        for (LayerDescription layer : evidenceOfRun.trainedOrSavedNetwork().layers()) {
            if (layer.hasUpdater() && !layer.updater().equals(updater)) {
                problems.add("found the " + layer.updater() + " updater on a " + layer.type() + "; expected "
                        + updater + ".");
                break;
            }
        }
        double initial = evidenceOfRun.epochs().get(0).learningRate();
        if (!Numbers.close(initial, learningRate, tolerance)) {
            problems.add("found an initial learning rate of " + Numbers.show(initial) + "; expected "
                    + Numbers.show(learningRate) + "." + (initial > learningRate
                    ? " A larger rate makes the updates overshoot: the loss jumps around or diverges."
                    : " A smaller rate makes training converge more slowly."));
        }
        if (constant) {
            for (EpochRecord epoch : evidenceOfRun.epochs()) {
                if (!Numbers.close(epoch.learningRate(), initial, tolerance)) {
                    problems.add("the learning rate changed to " + Numbers.show(epoch.learningRate()) + " at epoch "
                            + epoch.epoch() + "; expected a constant rate (no schedule) in this run.");
                    break;
                }
            }
        }
        if (noRegularization) {
            for (LayerDescription layer : evidenceOfRun.trainedOrSavedNetwork().layers()) {
                if (layer.hasDropout() || !layer.regularization().isEmpty()) {
                    problems.add("found " + (layer.hasDropout() ? "dropout" : layer.regularization().get(0).type())
                            + " on a " + layer.type() + "; expected no regularization at all in this baseline run.");
                    break;
                }
            }
        }
        if (problems.isEmpty()) {
            return CheckOutcome.pass("Run " + run + " uses " + updater + " with learning rate "
                    + Numbers.show(learningRate) + (noRegularization ? " and no regularization." : "."));
        }
        return CheckOutcome.fail("Run " + run + ": " + String.join(" ", problems));
    }
}
