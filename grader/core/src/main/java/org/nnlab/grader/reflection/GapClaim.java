package org.nnlab.grader.reflection;

import static org.nnlab.grader.curve.RunCurve.figure;
import static org.nnlab.grader.curve.RunCurve.gap;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.nnlab.grader.curve.RunCurve;
import org.nnlab.protocol.EpochRecord;

/**
 * The generalization gap (validation loss minus training loss at the last epoch): which run's is larger, whether it
 * widens, and whether the training loss sits above the validation loss. Gaps within 0.005 of each other are equal.
 */
final class GapClaim implements ClaimKind {
    private static final double EQUAL = 0.005;
    private static final String WORDS = "(?:[\\w/-]+\\s+){0,3}?";
    private static final Pattern LARGER = Pattern.compile("(?i)\\b(?:larger|wider|bigger|greater|largest|widest|"
            + "biggest)\\s+" + WORDS + "gap\\b|\\bgap\\s+" + WORDS + "(?:larger|wider|bigger|greater)\\b");
    private static final Pattern SMALLER = Pattern.compile("(?i)\\b(?:smaller|narrower|smallest|narrowest|tighter)"
            + "\\s+" + WORDS + "gap\\b|\\bgap\\s+" + WORDS + "(?:smaller|narrower)\\b|\\b(?:clos(?:es|ed|ing|e)|"
            + "narrow(?:s|ed|ing)?|reduc(?:es|ed|ing|e)|shrink(?:s|ing)?|shrank|shrunk|halv(?:es|ed))\\s+"
            + "(?:[\\w/-]+\\s+){0,4}?gap\\b");
    private static final Pattern WIDENING = Pattern.compile("(?i)\\b(?:widening|growing|widens|widened)\\s+"
            + WORDS + "gap\\b|\\bgap\\s+(?:between\\s+[^,;]*?\\s+)?(?:(?:keeps|kept|continues\\s+to|continued"
            + "\\s+to|starts\\s+to|started\\s+to)\\s+)?(?:widen|widens|grows?|widened|grew|opens\\s+up|opened\\s+up|"
            + "widening|growing|increases|increased|increasing)\\b");
    private static final Pattern TRAINING_ABOVE = Pattern.compile("(?i)\\btrain(?:ing)?\\s+loss\\s+(?:\\w+\\s+){0,2}?"
            + "(?:above|over|higher\\s+than|greater\\s+than|exceeds?|exceeding)\\s+(?:\\w+\\s+){0,2}?"
            + "(?:validation|val)\\s+loss|\\b(?:validation|val)\\s+loss\\s+(?:\\w+\\s+){0,2}?(?:below|under|lower"
            + "\\s+than|less\\s+than)\\s+(?:\\w+\\s+){0,2}?train(?:ing)?\\s+loss");

    @Override
    public String name() {
        return "generalization-gap";
    }

    @Override
    public String description() {
        return "the gap between validation and training loss at the last epoch: which run's is larger or smaller "
                + "(\"B closes the gap\"), whether it widens over training, whether the training loss stays above "
                + "the validation loss; gaps within 0.005 count as equal";
    }

    @Override
    public List<Claim> read(Clause clause, Curves curves) {
        String text = clause.text();
        if (TRAINING_ABOVE.matcher(text).find()) {
            return Findings.forEachRun(this, clause, run -> trainingAbove(clause, curves.get(run)));
        }
        if (WIDENING.matcher(text).find()) {
            return Findings.forEachRun(this, clause, run -> widening(clause, curves.get(run)));
        }
        boolean larger = LARGER.matcher(text).find();
        if (!larger && !SMALLER.matcher(text).find()) {
            return List.of();
        }
        Optional<List<String>> pair = Findings.pair(clause, curves);
        if (pair.isEmpty()) {
            return clause.collective() ? List.of() : List.of(Findings.unsure(this, clause, "it does not say which "
                    + "run's gap is compared with which."));
        }
        return List.of(compare(clause, curves.get(pair.get().get(0)), curves.get(pair.get().get(1)), larger));
    }

    private Claim compare(Clause clause, RunCurve run, RunCurve other, boolean larger) {
        double difference = gap(run.last()) - gap(other.last());
        String figures = "at the last epoch " + describe(run) + ", against " + describe(other);
        if (Math.abs(difference) < EQUAL) {
            return Findings.unsure(this, clause, figures + ": about the same.");
        }
        return difference > 0 == larger ? Findings.supported(this, clause, figures + ".")
                : Findings.contradicted(this, clause, figures + ".");
    }

    private Claim widening(Clause clause, RunCurve run) {
        double[] gaps = run.smoothedGap();
        int quarter = (run.epochs().size() - 1) / 4;
        double change = gaps[gaps.length - 1] - gaps[quarter];
        String figures = run.name() + "'s gap went from " + figure(gaps[quarter]) + " at epoch "
                + run.epochs().get(quarter).epoch() + " to " + figure(gaps[gaps.length - 1]) + " at epoch "
                + run.last().epoch() + run.smoothing();
        if (Math.abs(change) < EQUAL) {
            return Findings.unsure(this, clause, figures + ": about the same.");
        }
        return change > 0 ? Findings.supported(this, clause, figures + ".")
                : Findings.contradicted(this, clause, figures + ": it narrows.");
    }

    private Claim trainingAbove(Clause clause, RunCurve run) {
        EpochRecord last = run.last();
        String figures = "at epoch " + last.epoch() + " " + run.name() + "'s training loss is "
                + figure(last.trainingLoss()) + " and its validation loss " + figure(last.validationLoss());
        return last.trainingLoss() > last.validationLoss() ? Findings.supported(this, clause, figures + ".")
                : Findings.contradicted(this, clause, figures + ".");
    }

    private static String describe(RunCurve run) {
        EpochRecord last = run.last();
        return run.name() + "'s gap is " + figure(gap(last)) + " (validation " + figure(last.validationLoss())
                + ", training " + figure(last.trainingLoss()) + ")";
    }
}
