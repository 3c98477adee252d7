package org.nnlab.grader.check;

import org.nnlab.grader.lab.Fields;

/**
 * A run's saved network fits the first rows of the training part: its mean cross-entropy on them, measured by the
 * grader in the evaluation sandbox (in inference mode, against the true labels), is at most {@code maxLoss}. The
 * lab must declare those rows with {@code evaluate: {trainingSubset: N}}. Parameters: {@code run}, {@code maxLoss}.
 */
public final class SubsetLossCheck implements Check {

    /** The {@code subset-loss} check type. */
    public static final CheckType TYPE = new SimpleCheckType("subset-loss",
            "the loss of a run's saved network on the first N training rows (the lab's evaluate.trainingSubset), "
                    + "measured by the grader, is at most maxLoss; params: run, maxLoss", SubsetLossCheck::create);

    private final String run;
    private final double maxLoss;

    private SubsetLossCheck(String run, double maxLoss) {
        this.run = run;
        this.maxLoss = maxLoss;
    }

    private static Check create(Fields params) {
        Check check = new SubsetLossCheck(params.string("run"), params.number("maxLoss", 0, Double.MAX_VALUE));
        params.finish();
        return check;
    }

    @Override
    public CheckOutcome evaluate(Evidence evidence) {
        RunEvidence evidenceOfRun = evidence.run(run).orElse(null);
        Measurement subset = evidenceOfRun == null ? null : evidenceOfRun.trainingSubset();
        if (subset == null) {
            return CheckOutcome.fail("Run " + run + " has no saved network the grader could measure on the first "
                    + "training rows" + (evidenceOfRun == null || evidenceOfRun.problem() == null ? ""
                    : " (" + evidenceOfRun.problem() + ")") + ".");
        }
        String found = "Run " + run + "'s saved network has a loss of " + Numbers.show(subset.loss()) + " on the first "
                + "training examples and classifies " + Numbers.percent(subset.accuracy()) + " of them correctly "
                + "(measured by the grader)";
        if (subset.loss() <= maxLoss) {
            return CheckOutcome.pass(found + "; at most " + Numbers.show(maxLoss) + " was expected.");
        }
        return CheckOutcome.fail(found + "; expected at most " + Numbers.show(maxLoss) + ". A network that cannot "
                + "drive the loss on a handful of examples near zero has a bug: check that each example keeps its own "
                + "label, that the loss falls at every step, and train longer on just those examples.");
    }
}
