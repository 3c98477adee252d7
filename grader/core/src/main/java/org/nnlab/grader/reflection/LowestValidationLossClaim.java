package org.nnlab.grader.reflection;

import static org.nnlab.grader.curve.RunCurve.figure;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nnlab.grader.curve.RunCurve;
import org.nnlab.protocol.EpochRecord;

/** "A's validation loss bottomed out around epoch 12": the epoch where a run's validation loss is lowest. */
final class LowestValidationLossClaim implements ClaimKind {
    private static final String LOWEST = "(?:(?:was|is|reached|reaches|hit|hits|had|has)\\s+(?:its\\s+)?"
            + "(?:lowest|minimum|best|smallest)|lowest|minim(?:um|al|ised|ized)|bottom(?:ed|s)?(?:\\s+out)?|"
            + "stop(?:ped|s)?\\s+(?:improving|falling|decreasing|dropping|going\\s+down)|plateau(?:ed|s)?|"
            + "level(?:l?ed|s)\\s+off|flatten(?:ed|s)(?:\\s+out)?|best)";
    private static final Pattern LOSS_THEN_LOWEST = Pattern.compile("(?i)" + Phrases.VALIDATION_LOSS
            + "[^;]*?\\b(?<key>" + LOWEST + ")\\b");
    private static final Pattern LOWEST_THEN_LOSS = Pattern.compile("(?i)\\b(?:lowest|minimum|best|smallest)\\s+"
            + Phrases.VALIDATION_LOSS + "()");

    @Override
    public String name() {
        return "lowest-validation-loss";
    }

    @Override
    public String description() {
        return "the epoch where a run's validation loss is lowest or stops improving (\"bottomed out around epoch "
                + "12\"); an exact epoch may miss by 1, an approximate one (\"around\") by 10% of the epochs";
    }

    @Override
    public List<Claim> read(Clause clause, Curves curves) {
        Optional<Phrases.EpochMention> mention = afterKeyword(clause.text());
        if (mention.isEmpty()) {
            return List.of();
        }
        return Findings.forEachRun(this, clause, run -> judge(clause, curves.get(run), mention.get()));
    }

    private static Optional<Phrases.EpochMention> afterKeyword(String text) {
        for (Pattern pattern : List.of(LOSS_THEN_LOWEST, LOWEST_THEN_LOSS)) {
            Matcher matcher = pattern.matcher(text);
            if (matcher.find()) {
                Optional<Phrases.EpochMention> mention = Phrases.epoch(text.substring(matcher.end()));
                if (mention.isPresent()) {
                    return mention;
                }
            }
        }
        return Optional.empty();
    }

    private Claim judge(Clause clause, RunCurve run, Phrases.EpochMention mention) {
        EpochRecord best = run.best();
        String lowest = run.name() + "'s validation loss is lowest at epoch " + best.epoch() + " ("
                + figure(best.validationLoss()) + ")";
        Optional<EpochRecord> named = run.at(mention.epoch());
        if (named.isEmpty()) {
            return Findings.contradicted(this, clause, run.name() + " has no epoch " + mention.epoch() + " (it "
                    + "recorded " + run.epochs().size() + "); " + lowest + ".");
        }
        boolean near = Math.abs(best.epoch() - mention.epoch()) <= Phrases.tolerance(mention, run.epochs().size())
                || run.nearLowest(mention.epoch());
        if (near) {
            return Findings.supported(this, clause, lowest + ".");
        }
        return Findings.contradicted(this, clause, lowest + "; at epoch " + mention.epoch() + " it was "
                + figure(named.get().validationLoss()) + ".");
    }
}
