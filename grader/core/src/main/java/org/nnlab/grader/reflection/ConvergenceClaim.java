package org.nnlab.grader.reflection;

import static org.nnlab.grader.curve.RunCurve.figure;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nnlab.grader.curve.RunCurve;

/**
 * "A converges faster than B": which of two runs first reaches a validation loss both reach, 50% above the higher
 * of their lowest losses.
 */
final class ConvergenceClaim implements ClaimKind {
    private static final String VERB = "(?:converg\\w*|learn\\w*|train\\w*|improv\\w*|fit\\w*|drops?|fell|falls|"
            + "progress\\w*)";
    private static final Pattern FASTER = Pattern.compile("(?i)\\b" + VERB + "\\s+(?:\\w+\\s+){0,2}?(?:faster|more"
            + "\\s+quickly|quicker|sooner|more\\s+rapidly)\\b|\\b(?:faster|quicker|more\\s+rapid|earlier)\\s+(?:\\w+"
            + "\\s+)?(?:convergence|learning|training|progress)\\b");
    private static final Pattern SLOWER = Pattern.compile("(?i)\\b" + VERB + "\\s+(?:\\w+\\s+){0,2}?(?:slower|more"
            + "\\s+slowly|later|more\\s+gradually)\\b|\\b(?:slower|later|more\\s+gradual)\\s+(?:\\w+\\s+)?"
            + "(?:convergence|learning|training|progress)\\b");

    @Override
    public String name() {
        return "convergence-speed";
    }

    @Override
    public String description() {
        return "which of two runs converges faster: the one that first reaches a validation loss both reach (50% "
                + "above the higher of their lowest)";
    }

    @Override
    public List<Claim> read(Clause clause, Curves curves) {
        String text = clause.text();
        Matcher faster = FASTER.matcher(text);
        Matcher slower = SLOWER.matcher(text);
        boolean isFaster = faster.find();
        if (!isFaster && !slower.find()) {
            return List.of();
        }
        boolean claimedFaster = isFaster != Phrases.negatedBefore(text, isFaster ? faster.start() : slower.start());
        Optional<List<String>> pair = Findings.pair(clause, curves);
        if (pair.isEmpty()) {
            return clause.collective() ? List.of() : List.of(Findings.unsure(this, clause, "it does not say which "
                    + "runs are compared."));
        }
        RunCurve run = curves.get(pair.get().get(0));
        RunCurve other = curves.get(pair.get().get(1));
        double level = 1.5 * Math.max(run.best().validationLoss(), other.best().validationLoss());
        OptionalInt mine = run.epochReaching(level);
        OptionalInt theirs = other.epochReaching(level);
        if (mine.isEmpty() || theirs.isEmpty()) {
            return List.of(Findings.unsure(this, clause, "the runs' losses are not finite numbers."));
        }
        String figures = "validation loss " + figure(level) + " is reached at epoch " + mine.getAsInt() + " by "
                + run.name() + " and at epoch " + theirs.getAsInt() + " by " + other.name();
        if (mine.getAsInt() == theirs.getAsInt()) {
            return List.of(Findings.unsure(this, clause, figures + ": at the same epoch."));
        }
        return List.of(mine.getAsInt() < theirs.getAsInt() == claimedFaster
                ? Findings.supported(this, clause, figures + ".") : Findings.contradicted(this, clause, figures + "."));
    }
}
