package org.nnlab.grader.check;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.nnlab.grader.lab.Fields;
import org.nnlab.protocol.EpochRecord;

/**
 * Patience-based early stopping on the validation loss, with the best weights restored. Half of the points each:
 * <ul>
 *   <li><b>stopped when patience ran out</b>: an epoch improves when its validation loss is strictly lower than the
 *       best before it; training must end at the first epoch that comes {@code patience} epochs after the last
 *       improvement, or at {@code maxEpochs} when patience never runs out: not later, and not earlier;</li>
 *   <li><b>restored the best weights</b>: the saved network, measured by the grader on its own side, has the best
 *       recorded validation loss and that epoch's accuracy (not the last epoch's).</li>
 * </ul>
 * Parameters: {@code run}, {@code patience} (epochs), {@code maxEpochs}, {@code lossTolerance} (absolute, default
 * 1e-4), {@code accuracyTolerance} (default 1e-9). A lab using it declares {@code consistency} with
 * {@code savedEpoch: any}, since the saved network is not the last recorded epoch's.
 */
public final class EarlyStoppingCheck implements Check {

    /** The {@code early-stopping} check type. */
    public static final CheckType TYPE = new SimpleCheckType("early-stopping",
            "a run stops when its validation loss has not improved for `patience` epochs (or at maxEpochs) and its "
                    + "saved network, measured by the grader, has the best recorded validation loss; half the points "
                    + "each; params: run, patience, maxEpochs, lossTolerance (default 1e-4), accuracyTolerance "
                    + "(default 1e-9)", EarlyStoppingCheck::create);

    private final String run;
    private final int patience;
    private final int maxEpochs;
    private final double lossTolerance;
    private final double accuracyTolerance;

    private EarlyStoppingCheck(String run, int patience, int maxEpochs, double lossTolerance,
                               double accuracyTolerance) {
        this.run = run;
        this.patience = patience;
        this.maxEpochs = maxEpochs;
        this.lossTolerance = lossTolerance;
        this.accuracyTolerance = accuracyTolerance;
    }

    private static Check create(Fields params) {
        String run = params.string("run");
        int patience = params.integer("patience", 1);
        int maxEpochs = params.integer("maxEpochs", 1);
        if (patience >= maxEpochs) {
            throw params.invalid("patience", "must be less than maxEpochs");
        }
        Check check = new EarlyStoppingCheck(run, patience, maxEpochs, params.number("lossTolerance", 0, 1, 1e-4),
                params.number("accuracyTolerance", 0, 1, 1e-9));
        params.finish();
        return check;
    }

    @Override
    public CheckOutcome evaluate(Evidence evidence) {
        RunEvidence evidenceOfRun = evidence.run(run).orElse(null);
        if (evidenceOfRun == null || evidenceOfRun.epochs().isEmpty()) {
            return CheckOutcome.fail("Run " + run + " recorded no epoch: track it and call endEpoch() after each "
                    + "epoch.");
        }
        String stopping = stoppingProblem(evidenceOfRun.epochs());
        String restoring = restoringProblem(evidenceOfRun);
        double fraction = ((stopping == null ? 1 : 0) + (restoring == null ? 1 : 0)) / 2.0;
        EpochRecord best = best(evidenceOfRun.epochs());
        if (fraction == 1) {
            return CheckOutcome.pass("Run " + run + " stopped at epoch " + evidenceOfRun.epochs().size() + ", "
                    + (evidenceOfRun.epochs().size() == maxEpochs ? "the last allowed epoch" : patience
                    + " epochs after its best validation loss") + " (" + Numbers.show(best.validationLoss())
                    + ", epoch " + best.epoch() + "), and its saved network has that best loss: the best weights were "
                    + "restored.");
        }
        return CheckOutcome.partial(fraction, String.join(" ", Stream.of(stopping, restoring)
                .filter(Objects::nonNull).toList()));
    }

    /** @return why the run did not stop when patience ran out, or null when it did */
    private String stoppingProblem(List<EpochRecord> epochs) {
        int expected = maxEpochs;
        EpochRecord best = null;
        for (EpochRecord epoch : epochs.subList(0, Math.min(epochs.size(), maxEpochs))) {
            if (best == null || epoch.validationLoss() < best.validationLoss()) {
                best = epoch;
            }
            if (epoch.epoch() - best.epoch() >= patience) {
                expected = epoch.epoch();
                break;
            }
        }
        int stopped = epochs.size();
        if (stopped == expected) {
            return null;
        }
        String found = "Run " + run + " stopped at epoch " + stopped + ";";
        if (stopped > expected && expected == maxEpochs) {
            return found + " at most " + maxEpochs + " epochs are allowed.";
        }
        if (stopped > expected) {
            return found + " its validation loss last improved at epoch " + best.epoch() + " ("
                    + Numbers.show(best.validationLoss()) + "), so patience (" + patience + " epochs) ran out at epoch "
                    + expected + ". Stop as soon as `patience` epochs in a row do not improve on the best "
                    + "validation loss.";
        }
        return found + " its validation loss last improved at epoch " + best.epoch() + " ("
                + Numbers.show(best.validationLoss()) + "), only " + (stopped - best.epoch()) + " epoch(s) earlier; "
                + "expected it to go on until " + patience + " epochs in a row do not improve (or to epoch "
                + maxEpochs + "). An epoch improves when its validation loss is lower than the best so far.";
    }

    /** @return why the saved network is not the best epoch's, or null when it is */
    private String restoringProblem(RunEvidence evidenceOfRun) {
        if (evidenceOfRun.validation() == null) {
            return "Run " + run + " has no saved network the grader could measure"
                    + (evidenceOfRun.problem() == null ? "" : " (" + evidenceOfRun.problem() + ")") + ".";
        }
        List<EpochRecord> epochs = evidenceOfRun.epochs();
        EpochRecord best = best(epochs);
        Measurement saved = evidenceOfRun.validation();
        if (saved.matches(best, lossTolerance, accuracyTolerance)) {
            return null;
        }
        String found = "Run " + run + "'s saved network has a validation loss of " + Numbers.show(saved.loss())
                + " (measured by the grader), but the best recorded one is " + Numbers.show(best.validationLoss())
                + " (epoch " + best.epoch() + ")";
        EpochRecord matched = epochs.stream().filter(epoch -> saved.matches(epoch, lossTolerance, accuracyTolerance))
                .reduce((first, second) -> second).orElse(null);
        String hint = " Keep a copy of the weights of the best epoch (network.params().dup()) and put them back with "
                + "network.setParams(...) before train() returns: the harness saves the network as it is then.";
        if (matched == null) {
            return found + ", and it matches no recorded epoch." + hint;
        }
        return found + ": it is the network of epoch " + matched.epoch()
                + (matched.epoch() == epochs.size() ? ", the last one: the best weights were not restored." : ".")
                + hint;
    }

    private static EpochRecord best(List<EpochRecord> epochs) {
        EpochRecord best = epochs.get(0);
        for (EpochRecord epoch : epochs) {
            if (epoch.validationLoss() < best.validationLoss()) {
                best = epoch;
            }
        }
        return best;
    }

    @Override
    public boolean usesRecordedCurves() {
        return true;
    }
}
