package org.nnlab.grader.reflection;

import static org.nnlab.grader.curve.RunCurve.percent;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nnlab.grader.curve.RunCurve;

/**
 * "B reaches a higher accuracy than A", "both reach similar accuracy": the runs' best validation accuracies
 * compared. Accuracies within one percentage point are similar.
 */
final class AccuracyComparisonClaim implements ClaimKind {
    private static final double SIMILAR = 0.01;
    private static final String ACCURACY = "(?:validation\\s+|val\\s+|final\\s+|best\\s+|peak\\s+)*accurac(?:y|ies)";
    private static final Pattern HIGHER = Pattern.compile("(?i)\\b(?:higher|better|greater)\\s+(?:\\w+\\s+){0,1}?"
            + ACCURACY + "|\\baccuracy\\s+(?:\\w+\\s+){0,3}?(?:higher|better|greater)\\b|\\boutperform(?:s|ed)?\\b");
    private static final Pattern LOWER = Pattern.compile("(?i)\\b(?:lower|worse)\\s+(?:\\w+\\s+){0,1}?" + ACCURACY
            + "|\\baccuracy\\s+(?:\\w+\\s+){0,3}?(?:lower|worse)\\b|\\bunderperform(?:s|ed)?\\b");
    private static final Pattern SIMILAR_WORDS = Pattern.compile("(?i)\\b(?:same|similar|equal|comparable|identical|"
            + "matching)\\s+(?:\\w+\\s+){0,1}?" + ACCURACY + "|\\baccurac(?:y|ies)\\s+(?:\\w+\\s+){0,3}?(?:the\\s+"
            + "same|similar|equal|comparable|identical)\\b");

    @Override
    public String name() {
        return "accuracy-comparison";
    }

    @Override
    public String description() {
        return "which run reaches the higher best validation accuracy, or that runs reach similar accuracy (within "
                + "one percentage point)";
    }

    @Override
    public List<Claim> read(Clause clause, Curves curves) {
        String text = clause.text();
        Matcher similar = SIMILAR_WORDS.matcher(text);
        if (similar.find()) {
            List<String> runs = clause.collective() || clause.subjects().size() >= 2 ? clause.subjects()
                    : Findings.pair(clause, curves).orElse(List.of());
            if (runs.size() < 2) {
                return List.of(Findings.unsure(this, clause, "it does not say which runs are compared."));
            }
            boolean negated = Phrases.negatedBefore(text, similar.start());
            return List.of(similar(clause, runs.stream().map(curves::get).toList(), negated));
        }
        Matcher higher = HIGHER.matcher(text);
        Matcher lower = LOWER.matcher(text);
        boolean isHigher = higher.find();
        if (!isHigher && !lower.find()) {
            return List.of();
        }
        boolean negated = Phrases.negatedBefore(text, isHigher ? higher.start() : lower.start());
        Optional<List<String>> pair = Findings.pair(clause, curves);
        if (pair.isEmpty()) {
            return clause.collective() ? List.of() : List.of(Findings.unsure(this, clause, "it does not say which "
                    + "run's accuracy is compared with which."));
        }
        RunCurve run = curves.get(pair.get().get(0));
        RunCurve other = curves.get(pair.get().get(1));
        double difference = run.bestAccuracy() - other.bestAccuracy();
        String figures = run.name() + " reaches " + percent(run.bestAccuracy()) + " at best, " + other.name() + " "
                + percent(other.bestAccuracy());
        boolean claimedHigher = isHigher != negated;
        boolean holds = negated ? (claimedHigher ? difference >= 0 : difference <= 0)
                : (claimedHigher ? difference > 0 : difference < 0);
        return List.of(holds ? Findings.supported(this, clause, figures + ".")
                : Findings.contradicted(this, clause, figures + "."));
    }

    private Claim similar(Clause clause, List<RunCurve> runs, boolean negated) {
        double high = runs.stream().mapToDouble(RunCurve::bestAccuracy).max().orElseThrow();
        double low = runs.stream().mapToDouble(RunCurve::bestAccuracy).min().orElseThrow();
        String figures = "best validation accuracies: " + String.join(", ", runs.stream().map(r -> r.name() + " "
                + percent(r.bestAccuracy())).toList());
        boolean close = high - low <= SIMILAR + 1e-12;
        return close != negated ? Findings.supported(this, clause, figures + ".")
                : Findings.contradicted(this, clause, figures + ".");
    }
}
