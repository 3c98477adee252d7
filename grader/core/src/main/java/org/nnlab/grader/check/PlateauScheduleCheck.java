package org.nnlab.grader.check;

import java.util.List;
import org.nnlab.grader.lab.Fields;
import org.nnlab.protocol.EpochRecord;

/**
 * A run's learning rate follows a reduce-on-plateau schedule driven by validation loss: it never rises, it falls at
 * least a given number of times, and each fall comes right after an epoch whose validation loss did not improve on
 * the best before it.
 */
public final class PlateauScheduleCheck implements Check {

    /** The {@code plateau-schedule} check type. */
    public static final CheckType TYPE = new SimpleCheckType("plateau-schedule",
            "a run's learning rate is reduced on validation-loss plateaus; params: run, minReductions (default 1), "
                    + "improvementThreshold (relative, default 1e-3)", PlateauScheduleCheck::create);

    private final String run;
    private final int minReductions;
    private final double threshold;

    private PlateauScheduleCheck(String run, int minReductions, double threshold) {
        this.run = run;
        this.minReductions = minReductions;
        this.threshold = threshold;
    }

    private static Check create(Fields params) {
        Check check = new PlateauScheduleCheck(params.string("run"), params.integer("minReductions", 1, 1),
                params.number("improvementThreshold", 0, 0.5, 1e-3));
        params.finish();
        return check;
    }

    @Override
    public CheckOutcome evaluate(Evidence evidence) {
        RunEvidence evidenceOfRun = evidence.run(run).orElse(null);
        if (evidenceOfRun == null || evidenceOfRun.epochs().size() < 2) {
            return CheckOutcome.fail("Run " + run + " has too few recorded epochs to check its schedule.");
        }
        List<EpochRecord> epochs = evidenceOfRun.epochs();
        int reductions = 0;
        double bestBefore = Double.POSITIVE_INFINITY;
        for (int k = 1; k < epochs.size(); k++) {
            EpochRecord previous = epochs.get(k - 1);
            EpochRecord current = epochs.get(k);
            if (current.learningRate() > previous.learningRate() * (1 + 1e-9)) {
                return CheckOutcome.fail("Run " + run + ": the learning rate rose from "
                        + Numbers.show(previous.learningRate()) + " to " + Numbers.show(current.learningRate())
                        + " at epoch " + current.epoch() + "; a plateau schedule only ever reduces it.");
            }
            boolean previousImproved = previous.validationLoss() < bestBefore * (1 - threshold);
            if (current.learningRate() < previous.learningRate() * (1 - 1e-9)) {
                if (previousImproved) {
                    return CheckOutcome.fail("Run " + run + ": the learning rate fell to "
                            + Numbers.show(current.learningRate()) + " at epoch " + current.epoch()
                            + ", right after epoch " + previous.epoch() + " improved the validation loss to "
                            + Numbers.show(previous.validationLoss()) + ". ReduceLROnPlateau lowers the rate only after "
                            + "epochs without improvement of the validation loss; this looks like a fixed schedule.");
                }
                reductions++;
            }
            bestBefore = Math.min(bestBefore, previous.validationLoss());
        }
        double initial = epochs.get(0).learningRate();
        if (reductions < minReductions) {
            return CheckOutcome.fail("Run " + run + ": the learning rate stayed at " + Numbers.show(initial)
                    + " for all " + epochs.size() + " epochs; expected ReduceLROnPlateau to lower it at least "
                    + minReductions + " time(s). DL4J has none: keep the best validation loss, and after `patience` "
                    + "epochs without improvement call network.setLearningRate(rate * factor).");
        }
        return CheckOutcome.pass("Run " + run + ": the learning rate fell " + reductions + " time(s), from "
                + Numbers.show(initial) + " to " + Numbers.show(epochs.get(epochs.size() - 1).learningRate())
                + ", each time after an epoch without improvement of the validation loss.");
    }

    @Override
    public boolean usesRecordedCurves() {
        return true;
    }
}
