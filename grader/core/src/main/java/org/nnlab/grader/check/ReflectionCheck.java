package org.nnlab.grader.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nnlab.grader.curve.RunCurve;
import org.nnlab.grader.lab.Fields;
import org.nnlab.grader.reflection.Claim;
import org.nnlab.grader.reflection.ClaimReader;
import org.nnlab.grader.reflection.Curves;
import org.nnlab.grader.reflection.Sentences;
import org.nnlab.grader.reflection.Verdict;

/**
 * A free-text answer has the asked number of sentences (half the points) and supports what it says with evidence
 * from the curves (the other half). Each claim it makes about the curves (where the validation loss is lowest,
 * whether it rises, which run has the larger gap or accuracy, when the learning rate fell, over- or under-fitting,
 * a figure) is checked against the submission's own curves; each one they contradict costs the share of the points
 * the lab's {@code contradictionCost} sets. An instructor may override the score.
 */
public final class ReflectionCheck implements Check {

    /** The {@code reflection} check type. */
    public static final CheckType TYPE = new SimpleCheckType("reflection",
            "a free-text answer's sentence count, and its claims about the curves checked against them; "
                    + "params: answer, minSentences, maxSentences, runs, contradictionCost", ReflectionCheck::create);

    private static final Pattern EPOCH = Pattern.compile("(?i)\\bepochs?\\s+(\\d{1,5})");
    private static final double DEFAULT_COST = 0.25;

    private final String answer;
    private final int minSentences;
    private final int maxSentences;
    private final List<String> runs;
    private final double contradictionCost;
    private final ClaimReader reader = ClaimReader.standard();

    private ReflectionCheck(String answer, int minSentences, int maxSentences, List<String> runs,
                            double contradictionCost) {
        this.answer = answer;
        this.minSentences = minSentences;
        this.maxSentences = maxSentences;
        this.runs = runs;
        this.contradictionCost = contradictionCost;
    }

    private static Check create(Fields params) {
        int min = params.integer("minSentences", 1);
        int max = params.integer("maxSentences", 1);
        if (max < min) {
            throw params.invalid("maxSentences", "must be at least minSentences");
        }
        double cost = params.number("contradictionCost", 0, 1, DEFAULT_COST);
        Check check = new ReflectionCheck(params.string("answer"), min, max, params.strings("runs"), cost);
        params.finish();
        return check;
    }

    @Override
    public CheckOutcome evaluate(Evidence evidence) {
        String text = evidence.answers().getOrDefault(answer, "").strip();
        if (text.isEmpty()) {
            return CheckOutcome.fail("No answer '" + answer + "' was given. Write " + range() + " sentences on what the "
                    + "curves show, citing epochs or values from them.");
        }
        int sentences = countSentences(text);
        double fraction = 0;
        List<String> notes = new ArrayList<>();
        if (sentences >= minSentences && sentences <= maxSentences) {
            fraction += 0.5;
            notes.add("It has " + sentences + " sentences.");
        } else {
            notes.add("It has " + sentences + " sentence" + (sentences == 1 ? "" : "s") + "; expected " + range() + ".");
        }
        Curves curves = curves(evidence);
        List<ClaimReader.Reading> readings = reader.readClauses(text, curves);
        List<Claim> claims = readings.stream().flatMap(r -> r.claims().stream()).toList();
        long contradicted = claims.stream().filter(c -> c.verdict() == Verdict.CONTRADICTED).count();
        List<String> cited = cited(readings, curves);
        if (!cited.isEmpty()) {
            fraction += 0.5;
            notes.add("It supports what it says with evidence from the curves: " + String.join(", ", cited) + ".");
        } else {
            notes.add("It cites nothing the curves bear out; support the explanation with evidence, e.g. the epoch "
                    + "where validation loss stops falling, or the gap between training and validation loss.");
        }
        if (contradicted > 0) {
            fraction -= contradictionCost * contradicted;
            notes.add(String.format(Locale.ROOT, "The curves contradict %d of its claims (%s of the points each).",
                    contradicted, percentOf(contradictionCost)));
        }
        StringBuilder message = new StringBuilder("Answer '" + answer + "': " + String.join(" ", notes));
        if (!claims.isEmpty()) {
            message.append("\nIts claims, checked against the curves:");
            claims.forEach(claim -> message.append("\n- ").append(claim.describe()));
        }
        message.append("\nAn instructor may review this score.");
        return CheckOutcome.partial(Math.max(0, fraction), message.toString());
    }

    private String range() {
        return minSentences == maxSentences ? String.valueOf(minSentences) : minSentences + "-" + maxSentences;
    }

    /** @return the number of sentences, not counting decimal points and abbreviations as ends */
    static int countSentences(String text) {
        return Sentences.split(text).size();
    }

    private Curves curves(Evidence evidence) {
        List<RunCurve> curves = new ArrayList<>();
        for (String run : runs) {
            evidence.run(run).filter(r -> !r.epochs().isEmpty()).ifPresent(r -> curves.add(new RunCurve(run,
                    r.epochs())));
        }
        return new Curves(curves);
    }

    /**
     * @return what the answer cites that the curves bear out: each supported claim, and each epoch that exists named
     *     in a clause the curves do not contradict
     */
    private static List<String> cited(List<ClaimReader.Reading> readings, Curves curves) {
        int lastEpoch = curves.names().stream().map(curves::get).mapToInt(c -> c.last().epoch()).max().orElse(0);
        long supported = 0;
        List<String> epochs = new ArrayList<>();
        for (ClaimReader.Reading reading : readings) {
            if (reading.contradicted()) {
                continue;
            }
            long clauseSupported = reading.claims().stream().filter(c -> c.verdict() == Verdict.SUPPORTED).count();
            supported += clauseSupported;
            Matcher epoch = EPOCH.matcher(reading.clause().text());
            while (clauseSupported == 0 && epoch.find()) {
                int number = Integer.parseInt(epoch.group(1));
                if (number >= 1 && number <= lastEpoch) {
                    epochs.add("epoch " + number);
                }
            }
        }
        List<String> cited = new ArrayList<>();
        if (supported > 0) {
            cited.add(supported + (supported == 1 ? " claim" : " claims") + " they bear out");
        }
        epochs.stream().distinct().forEach(cited::add);
        return cited;
    }

    private static String percentOf(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }
}
