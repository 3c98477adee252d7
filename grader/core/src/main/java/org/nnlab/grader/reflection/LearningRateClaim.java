package org.nnlab.grader.reflection;

import static org.nnlab.grader.curve.RunCurve.figure;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nnlab.grader.curve.RunCurve.RateDrop;
import org.nnlab.grader.curve.RunCurve;

/**
 * "Its learning rate was halved twice", "the rate dropped at epoch 20", "a constant learning rate": when a run's
 * recorded learning rate fell, how often and by what factor.
 */
final class LearningRateClaim implements ClaimKind {
    private static final String RATE = "(?:learning\\s+rates?|\\blr\\b|step\\s+size)";
    private static final String FALL = "(?:halved|halves|halving|reduced|reduces|reducing|reduction|reductions|cut|"
            + "cuts|dropped|drops|dropping|fell|falls|falling|decreased|decreases|decreasing|lowered|lowers|decayed|"
            + "decays|decaying|divided|shrank|shrinks|went\\s+down|goes\\s+down|annealed)";
    private static final Pattern RATE_FALLS = Pattern.compile("(?i)" + RATE + "[^;]*?\\b(?<verb>" + FALL + ")\\b|\\b"
            + "(?<verb2>" + FALL + ")\\s+(?:\\w+\\s+){0,3}?" + RATE);
    private static final String STEADY = "(?:constant|unchanged|fixed|never\\s+changed?|did\\s+not\\s+change|"
            + "didn't\\s+change|(?:stay|remain)(?:ed|s)?\\s+the\\s+same)";
    private static final Pattern CONSTANT = Pattern.compile("(?i)\\b" + STEADY + "\\s+(?:\\w+\\s+){0,2}?" + RATE
            + "|" + RATE + "\\s+(?:\\w+\\s+){0,3}?" + STEADY);
    private static final int LISTED = 5;

    @Override
    public String name() {
        return "learning-rate-drop";
    }

    @Override
    public String description() {
        return "when a run's learning rate fell (\"was halved at epoch 20\"), how many times (\"twice\") and by what "
                + "factor (\"halved\"), or that it stayed constant; an epoch may miss by 1";
    }

    @Override
    public List<Claim> read(Clause clause, Curves curves) {
        String text = clause.text();
        Matcher falls = RATE_FALLS.matcher(text);
        if (!falls.find()) {
            return CONSTANT.matcher(text).find()
                    ? Findings.forEachRun(this, clause, run -> constant(clause, curves.get(run))) : List.of();
        }
        int verb = falls.start(falls.group("verb") != null ? "verb" : "verb2");
        if (Phrases.negatedBefore(text, verb)) {
            return Findings.forEachRun(this, clause, run -> constant(clause, curves.get(run)));
        }
        boolean halved = (falls.group("verb") != null ? falls.group("verb") : falls.group("verb2")).startsWith("halv");
        Optional<Integer> count = Phrases.count(text);
        Optional<Phrases.EpochMention> epoch = Phrases.epoch(text.substring(Math.min(verb, falls.start())));
        return Findings.forEachRun(this, clause, run -> fell(clause, curves.get(run), halved, count, epoch));
    }

    private Claim constant(Clause clause, RunCurve run) {
        List<RateDrop> drops = run.learningRateDrops();
        if (drops.isEmpty() && !rises(run)) {
            return Findings.supported(this, clause, steady(run));
        }
        return Findings.contradicted(this, clause, drops.isEmpty() ? neverFell(run)
                : run.name() + "'s learning rate fell " + times(drops.size()) + ": " + list(drops) + ".");
    }

    private Claim fell(Clause clause, RunCurve run, boolean halved, Optional<Integer> count,
                       Optional<Phrases.EpochMention> epoch) {
        List<RateDrop> drops = run.learningRateDrops();
        if (drops.isEmpty()) {
            return Findings.contradicted(this, clause, rises(run) ? neverFell(run) : steady(run));
        }
        String fell = run.name() + "'s learning rate fell " + times(drops.size()) + ": " + list(drops);
        if (count.isPresent() && count.get() != drops.size()) {
            return Findings.contradicted(this, clause, fell + ", not " + times(count.get()) + ".");
        }
        if (halved && drops.stream().anyMatch(d -> Math.abs(d.after() / d.before() - 0.5) > 0.05)) {
            return Findings.contradicted(this, clause, fell + ": not every fall halves it.");
        }
        if (epoch.isPresent()) {
            int tolerance = Phrases.tolerance(epoch.get(), run.epochs().size());
            int named = epoch.get().epoch() + (epoch.get().after() ? 1 : 0);
            if (drops.stream().noneMatch(d -> Math.abs(d.epoch() - named) <= tolerance)) {
                return Findings.contradicted(this, clause, fell + ", not at epoch " + epoch.get().epoch() + ".");
            }
        }
        return Findings.supported(this, clause, fell + ".");
    }

    /** @return whether the rate ever differs from the first epoch's; with no fall, it rose */
    private static boolean rises(RunCurve run) {
        return run.epochs().stream().anyMatch(e -> e.learningRate() != run.first().learningRate());
    }

    private static String steady(RunCurve run) {
        return run.name() + "'s learning rate stayed " + figure(run.first().learningRate()) + " for all "
                + run.epochs().size() + " epochs.";
    }

    private static String neverFell(RunCurve run) {
        return run.name() + "'s learning rate never fell: it went from " + figure(run.first().learningRate())
                + " at epoch " + run.first().epoch() + " up to " + figure(run.epochs().stream()
                .mapToDouble(org.nnlab.protocol.EpochRecord::learningRate).max().orElseThrow()) + ".";
    }

    private static String times(int count) {
        return switch (count) {
            case 0 -> "never";
            case 1 -> "once";
            case 2 -> "twice";
            default -> count + " times";
        };
    }

    private static String list(List<RateDrop> drops) {
        List<String> listed = drops.stream().limit(LISTED).map(d -> "at epoch " + d.epoch() + " ("
                + figure(d.before()) + " to " + figure(d.after()) + ")").toList();
        String more = drops.size() > LISTED ? " and " + (drops.size() - LISTED) + " more" : "";
        return String.join(", ", listed) + more;
    }
}
