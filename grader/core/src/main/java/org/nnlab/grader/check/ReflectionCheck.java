package org.nnlab.grader.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nnlab.grader.lab.Fields;
import org.nnlab.protocol.EpochRecord;

/**
 * A free-text answer has the asked number of sentences and cites evidence from the curves: an epoch that exists, or
 * a loss or accuracy that was recorded (to the precision written). Half the points for each; an instructor may
 * override the score.
 */
public final class ReflectionCheck implements Check {

    /** The {@code reflection} check type. */
    public static final CheckType TYPE = new SimpleCheckType("reflection",
            "a free-text answer's sentence count and its references to numbers or epochs found in the curves; "
                    + "params: answer, minSentences, maxSentences, runs", ReflectionCheck::create);

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+(?=\\s|$)");
    private static final Pattern EPOCH = Pattern.compile("(?i)\\bepochs?\\s+(\\d{1,5})");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])(\\d+(?:\\.\\d+)?)\\s*(%?)");

    private final String answer;
    private final int minSentences;
    private final int maxSentences;
    private final List<String> runs;

    private ReflectionCheck(String answer, int minSentences, int maxSentences, List<String> runs) {
        this.answer = answer;
        this.minSentences = minSentences;
        this.maxSentences = maxSentences;
        this.runs = runs;
    }

    private static Check create(Fields params) {
        int min = params.integer("minSentences", 1);
        int max = params.integer("maxSentences", 1);
        if (max < min) {
            throw params.invalid("maxSentences", "must be at least minSentences");
        }
        Check check = new ReflectionCheck(params.string("answer"), min, max, params.strings("runs"));
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
        List<String> cited = citedEvidence(text, evidence);
        double fraction = 0;
        List<String> notes = new ArrayList<>();
        if (sentences >= minSentences && sentences <= maxSentences) {
            fraction += 0.5;
            notes.add("It has " + sentences + " sentences.");
        } else {
            notes.add("It has " + sentences + " sentence" + (sentences == 1 ? "" : "s") + "; expected " + range() + ".");
        }
        if (!cited.isEmpty()) {
            fraction += 0.5;
            notes.add("It cites evidence found in the curves: " + String.join(", ", cited) + ".");
        } else {
            notes.add("It cites no epoch or value that appears in the curves; support the explanation with evidence, "
                    + "e.g. the epoch where validation loss stops falling, or the gap between training and "
                    + "validation loss.");
        }
        return CheckOutcome.partial(fraction, "Answer '" + answer + "': " + String.join(" ", notes)
                + " An instructor may review this score.");
    }

    private String range() {
        return minSentences == maxSentences ? String.valueOf(minSentences) : minSentences + "-" + maxSentences;
    }

    static int countSentences(String text) {
        String withoutDecimals = text.replaceAll("(\\d)\\.(\\d)", "$1$2").replaceAll("(?i)\\b(e\\.g|i\\.e|etc|vs)\\.",
                "$1");
        Matcher matcher = SENTENCE_END.matcher(withoutDecimals);
        int count = 0;
        int last = 0;
        while (matcher.find()) {
            if (!withoutDecimals.substring(last, matcher.start()).isBlank()) {
                count++;
            }
            last = matcher.end();
        }
        return withoutDecimals.substring(last).isBlank() ? count : count + 1;
    }

    private List<String> citedEvidence(String text, Evidence evidence) {
        List<EpochRecord> epochs = new ArrayList<>();
        runs.forEach(run -> evidence.run(run).ifPresent(r -> epochs.addAll(r.epochs())));
        int lastEpoch = epochs.stream().mapToInt(EpochRecord::epoch).max().orElse(0);
        List<String> cited = new ArrayList<>();
        Matcher epoch = EPOCH.matcher(text);
        while (epoch.find()) {
            int number = Integer.parseInt(epoch.group(1));
            if (number >= 1 && number <= lastEpoch) {
                cited.add("epoch " + number);
            }
        }
        Matcher number = NUMBER.matcher(text);
        while (number.find()) {
            String digits = number.group(1);
            if (!digits.contains(".") && number.group(2).isEmpty()) {
                continue;
            }
            double value = Double.parseDouble(digits) / (number.group(2).isEmpty() ? 1 : 100);
            int decimals = digits.contains(".") ? digits.length() - digits.indexOf('.') - 1 : 0;
            double precision = 0.5 * Math.pow(10, -(decimals + (number.group(2).isEmpty() ? 0 : 2))) + 1e-12;
            for (EpochRecord record : epochs) {
                if (matches(record, value, precision)) {
                    cited.add(digits + number.group(2));
                    break;
                }
            }
        }
        return cited.stream().distinct().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    private static boolean matches(EpochRecord record, double value, double precision) {
        for (double recorded : new double[] {record.trainingLoss(), record.validationLoss(),
            record.validationAccuracy()}) {
            if (Math.abs(recorded - value) <= precision) {
                return true;
            }
        }
        return false;
    }
}
