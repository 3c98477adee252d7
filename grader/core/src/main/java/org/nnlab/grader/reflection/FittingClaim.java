package org.nnlab.grader.reflection;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nnlab.grader.curve.RunCurve.Fit;
import org.nnlab.grader.curve.RunCurve.Fitting;
import org.nnlab.grader.curve.RunCurve;

/**
 * "A starts to overfit after epoch 12", "B does not overfit", "the SGD run underfits": whether a run over- or
 * under-fits, and from which epoch, as {@link RunCurve#fitting()} judges it.
 */
final class FittingClaim implements ClaimKind {
    private static final Pattern OVER = Pattern.compile("(?i)\\bover-?fit(?:s|ting|ted)?\\b|\\bover-?train(?:s|ed|"
            + "ing)?\\b");
    private static final Pattern UNDER = Pattern.compile("(?i)\\bunder-?fit(?:s|ting|ted)?\\b|\\bunder-?train(?:s|ed"
            + "|ing)?\\b");
    private static final Pattern RUN_NAME_FOLLOWS = Pattern.compile("(?i)\\s+(?:run|model|network)\\b|['’]s\\b");
    private static final Pattern CAUSAL = Pattern.compile("(?i)\\b(?:less|more|reduc\\w*|prevent\\w*|avoid\\w*|"
            + "curb\\w*|limit\\w*|fight\\w*|counter\\w*|combat\\w*|mitigat\\w*|against|risk\\w*|fewer|lower|"
            + "decreas\\w*|control\\w*|cause\\w*|lead\\w*\\s+to|leads?\\s+to)\\W+(?:\\w+\\W+){0,2}$");

    @Override
    public String name() {
        return "fitting";
    }

    @Override
    public String description() {
        return "whether a run overfits (its validation loss rises 5% or more above its lowest while the training "
                + "loss keeps falling) or underfits (its training loss stays above half its first value, or its "
                + "validation loss still falls 10% over the last quarter), and from which epoch";
    }

    @Override
    public List<Claim> read(Clause clause, Curves curves) {
        String text = clause.text();
        for (Fit claimed : List.of(Fit.OVERFITS, Fit.UNDERFITS)) {
            Matcher matcher = (claimed == Fit.OVERFITS ? OVER : UNDER).matcher(text);
            if (find(matcher, text, curves)) {
                if (CAUSAL.matcher(text.substring(0, matcher.start())).find()) {
                    return List.of();
                }
                boolean negated = Phrases.negatedBefore(text, matcher.start());
                Optional<Phrases.EpochMention> epoch = Phrases.epoch(text.substring(matcher.start()));
                return Findings.forEachRun(this, clause, run -> judge(clause, curves.get(run), claimed, negated,
                        epoch));
            }
        }
        return List.of();
    }

    /**
     * @return whether the word occurs other than as a run's name: a run may be called "overfit", and "the overfit
     *     run" or "overfit's loss" names it
     */
    private static boolean find(Matcher matcher, String text, Curves curves) {
        while (matcher.find()) {
            String word = matcher.group();
            boolean name = curves.names().stream().anyMatch(word::equalsIgnoreCase)
                    && RUN_NAME_FOLLOWS.matcher(text.substring(matcher.end())).lookingAt();
            if (!name) {
                return true;
            }
        }
        return false;
    }

    private Claim judge(Clause clause, RunCurve run, Fit claimed, boolean negated,
                        Optional<Phrases.EpochMention> epoch) {
        Fitting fitting = run.fitting();
        String word = claimed == Fit.OVERFITS ? "overfit" : "underfit";
        if (fitting.fit() == Fit.UNCLEAR) {
            return Findings.unsure(this, clause, run.name() + ": " + fitting.evidence() + ".");
        }
        boolean fits = fitting.fit() == claimed;
        if (fits == negated) {
            return Findings.contradicted(this, clause, run.name() + (fits ? " does " + word + ": " : " does not "
                    + word + ": ") + fitting.evidence() + ".");
        }
        if (fits && claimed == Fit.OVERFITS && epoch.isPresent()) {
            int named = epoch.get().epoch() + (epoch.get().after() ? 1 : 0);
            if (Math.abs(named - fitting.fromEpoch()) > Phrases.tolerance(epoch.get(), run.epochs().size())) {
                return Findings.contradicted(this, clause, run.name() + " overfits from epoch " + fitting.fromEpoch()
                        + ", not from epoch " + epoch.get().epoch() + ": " + fitting.evidence() + ".");
            }
        }
        return Findings.supported(this, clause, run.name() + (fits ? " " + word + "s: " : " does not " + word
                + ": ") + fitting.evidence() + ".");
    }
}
