package org.nnlab.grader.reflection;

import static org.nnlab.grader.curve.RunCurve.figure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nnlab.grader.curve.RunCurve;
import org.nnlab.protocol.EpochRecord;

/**
 * "...and then rose" or "kept falling": whether a run's validation loss rises after its lowest point. A rise of 5%
 * or more above the lowest is one, 2% or less is none; in between cannot be told from noise.
 */
final class ValidationTrendClaim implements ClaimKind {
    private static final Pattern RISE = Pattern.compile("(?i)\\b(?:rose|rises?|rising|increas(?:ed|es|ing)|went\\s+up"
            + "|goes\\s+up|going\\s+up|climb(?:ed|s|ing)?|grew|grows|growing|turn(?:ed|s)\\s+up(?:wards?)?|"
            + "creep(?:s|ing)?\\s+up|crept\\s+up|worsen(?:ed|s|ing)?|got\\s+worse|gets\\s+worse|"
            + "start(?:ed|s)\\s+to\\s+rise|beg[ia]n\\s+to\\s+rise)\\b");
    private static final Pattern FALL = Pattern.compile("(?i)\\b(?:(?:kept|keeps|keep|continued|continues|continue)"
            + "\\s+(?:on\\s+)?(?:to\\s+)?(?:fall(?:ing)?|decreas(?:ing|e)|drop(?:ping)?|improv(?:ing|e)|"
            + "go(?:ing)?\\s+down|declin(?:ing|e))|(?:fell|falls|decreased|decreases|dropped|drops|declined|"
            + "improved|improves)\\s+(?:steadily|throughout|monotonically|all\\s+the\\s+way|until|till|every\\s+"
            + "epoch|to\\s+the\\s+(?:end|last))|never\\s+stop(?:ped|s)?\\s+(?:falling|improving|decreasing))\\b");

    @Override
    public String name() {
        return "validation-loss-trend";
    }

    @Override
    public String description() {
        return "whether a run's validation loss rises after its lowest point (\"then rose\") or keeps falling "
                + "(\"kept falling until epoch 40\"); a rise of 5% above the lowest is one, 2% or less is none";
    }

    @Override
    public List<Claim> read(Clause clause, Curves curves) {
        List<Claim> claims = new ArrayList<>();
        String text = clause.text();
        for (Pattern pattern : List.of(RISE, FALL)) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                if (Phrases.metricBefore(text, matcher.start()).orElse(null) != Phrases.Metric.VALIDATION_LOSS) {
                    continue;
                }
                boolean rises = (pattern == RISE) != Phrases.negatedBefore(text, matcher.start());
                Optional<Phrases.EpochMention> until = pattern == FALL
                        ? Phrases.epoch(text.substring(matcher.start())) : Optional.empty();
                claims.addAll(Findings.forEachRun(this, clause, run -> rises ? rise(clause, curves.get(run))
                        : fall(clause, curves.get(run), until)));
                return claims;
            }
        }
        return claims;
    }

    private Claim rise(Clause clause, RunCurve run) {
        EpochRecord best = run.best();
        EpochRecord last = run.last();
        if (best.epoch() == last.epoch()) {
            return Findings.contradicted(this, clause, run.name() + "'s validation loss is lowest at its last epoch, "
                    + last.epoch() + " (" + figure(last.validationLoss()) + "): it did not rise.");
        }
        String change = String.format(Locale.ROOT, "%s's validation loss went from its lowest, %s at epoch %d, to %s "
                + "at epoch %d, ending %.1f%% above its lowest%s", run.name(), figure(best.validationLoss()),
                best.epoch(), figure(last.validationLoss()), last.epoch(), 100 * run.rise(), run.smoothing());
        if (run.rise() >= RunCurve.RISE) {
            return Findings.supported(this, clause, change + ".");
        }
        if (run.rise() <= RunCurve.FLAT) {
            return Findings.contradicted(this, clause, change + ": it levels off rather than rises.");
        }
        return Findings.unsure(this, clause, change + ": too small a rise to tell from noise.");
    }

    private Claim fall(Clause clause, RunCurve run, Optional<Phrases.EpochMention> until) {
        EpochRecord best = run.best();
        String lowest = run.name() + "'s validation loss is lowest at epoch " + best.epoch() + " ("
                + figure(best.validationLoss()) + ")";
        if (until.isPresent()) {
            int epoch = until.get().epoch();
            Optional<EpochRecord> named = run.at(epoch);
            if (named.isEmpty()) {
                return Findings.contradicted(this, clause, run.name() + " has no epoch " + epoch + "; " + lowest
                        + ".");
            }
            boolean fell = best.epoch() >= epoch - Phrases.tolerance(until.get(), run.epochs().size())
                    || run.nearLowest(epoch);
            return fell ? Findings.supported(this, clause, lowest + ".")
                    : Findings.contradicted(this, clause, lowest + " and " + figure(named.get().validationLoss())
                            + " at epoch " + epoch + ": it stopped falling earlier.");
        }
        String end = String.format(Locale.ROOT, "%s; it ends at %s, %.1f%% above its lowest%s", lowest,
                figure(run.last().validationLoss()), 100 * run.rise(), run.smoothing());
        if (run.rise() <= RunCurve.FLAT) {
            return Findings.supported(this, clause, end + ".");
        }
        if (run.rise() >= RunCurve.RISE) {
            return Findings.contradicted(this, clause, end + ": it rose after its lowest point.");
        }
        return Findings.unsure(this, clause, end + ": too small a change to tell from noise.");
    }
}
