package org.nnlab.grader.check;

import org.nnlab.grader.lab.Fields;

/**
 * The validation accuracy of a run's final network, measured by the grader, with partial credit between two
 * thresholds.
 */
public final class AccuracyCheck implements Check {

    /** The {@code accuracy} check type: {@code run}, {@code zeroBelow}, {@code fullAt} (fractions). */
    public static final CheckType TYPE = new SimpleCheckType("accuracy",
            "validation accuracy of a run's final network, measured by the grader; linear credit from zeroBelow to "
                    + "fullAt; params: run, zeroBelow, fullAt", AccuracyCheck::create);

    private final String run;
    private final double zeroBelow;
    private final double fullAt;

    private AccuracyCheck(String run, double zeroBelow, double fullAt) {
        this.run = run;
        this.zeroBelow = zeroBelow;
        this.fullAt = fullAt;
    }

    private static Check create(Fields params) {
        double zeroBelow = params.number("zeroBelow", 0, 1);
        double fullAt = params.number("fullAt", 0, 1);
        if (fullAt <= zeroBelow) {
            throw params.invalid("fullAt", "must be greater than zeroBelow");
        }
        Check check = new AccuracyCheck(params.string("run"), zeroBelow, fullAt);
        params.finish();
        return check;
    }

    @Override
    public CheckOutcome evaluate(Evidence evidence) {
        RunEvidence evidenceOfRun = evidence.run(run).orElse(null);
        if (evidenceOfRun == null || evidenceOfRun.validation() == null) {
            return CheckOutcome.fail("Run " + run + " has no network the grader could measure"
                    + (evidenceOfRun == null || evidenceOfRun.problem() == null ? "" : ": " + evidenceOfRun.problem())
                    + ".");
        }
        double accuracy = evidenceOfRun.validation().accuracy();
        String found = "Run " + run + "'s final network classifies " + Numbers.percent(accuracy)
                + " of the validation part correctly (measured by the grader)";
        if (accuracy >= fullAt) {
            return CheckOutcome.pass(found + "; full marks from " + Numbers.percent(fullAt) + ".");
        }
        double fraction = (accuracy - zeroBelow) / (fullAt - zeroBelow);
        return CheckOutcome.partial(fraction, found + "; expected at least " + Numbers.percent(fullAt)
                + " for full marks (nothing below " + Numbers.percent(zeroBelow) + "). The network underfits: "
                + "train for the lab's epochs with the prescribed learning rate, and check the curves for a loss "
                + "that is still falling or that diverged.");
    }
}
