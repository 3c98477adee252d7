package org.nnlab.grader.reflection;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Phrasings the claim kinds share: metrics, negation, hedged epochs, counts. */
final class Phrases {
    /** The validation loss, by its usual names. */
    static final String VALIDATION_LOSS = "(?:validation|val\\.?|held[- ]out|dev)(?:\\s+set)?\\s+loss(?:es)?";
    /** Any metric a clause can speak of; the nearest one before a number or verb is what it is about. */
    static final Pattern METRIC = Pattern.compile("(?i)(" + VALIDATION_LOSS + ")|(train(?:ing)?(?:\\s+set)?\\s+"
            + "loss(?:es)?)|((?:validation\\s+|val\\s+|test\\s+)?accuracy|accuracies)|(learning\\s+rates?|\\blr\\b)"
            + "|(gap)|(weight\\s+decay|dropout|decay|factor|batch(?:\\s+size)?|patience|momentum|beta\\d?|"
            + "epsilon|coefficient|probability|threshold|seed|units|layers?|neurons)");
    private static final Pattern NEGATION = Pattern.compile("(?i)\\b(?:not|never|no|none|n't|without|neither|nor|"
            + "hardly|barely|stops?\\s+short)\\b|n't\\b");
    private static final Pattern HEDGE = Pattern.compile("(?i)\\b(?:around|about|near|nearly|roughly|approximately|"
            + "circa|some|ca)\\b|~");
    private static final Pattern EPOCH = Pattern.compile("(?i)((?:\\b(?:at|after|by|in|on|from|until|till|near|"
            + "around|about|roughly|approximately|circa)\\s+|~\\s*){0,2})(?:the\\s+)?epochs?\\s+(\\d{1,5})");
    private static final Pattern COUNT = Pattern.compile("(?i)\\b(once|twice|thrice|(one|two|three|four|five|six|"
            + "seven|eight|nine|ten|\\d{1,3})\\s+times)\\b");
    private static final java.util.List<String> NUMBER_WORDS = java.util.List.of("one", "two", "three", "four",
            "five", "six", "seven", "eight", "nine", "ten");

    /** How many words may stand between a metric and the figure that is of it ("training loss stays near 2.5"). */
    static final int BINDING_WORDS = 5;

    /** What a metric keyword names. */
    enum Metric { VALIDATION_LOSS, TRAINING_LOSS, ACCURACY, LEARNING_RATE, GAP, HYPERPARAMETER }

    private Phrases() {
    }

    /**
     * @return the metric a figure at {@code position} is of: named right after it, or named at most
     *     {@link #BINDING_WORDS} words before it with no other figure between; empty when none is that close
     */
    static Optional<Metric> metricOfFigure(String clause, int position, int end) {
        Optional<Metric> after = metricAfter(clause, end);
        if (after.isPresent()) {
            return after;
        }
        Matcher matcher = METRIC.matcher(clause.substring(0, position));
        int lastEnd = -1;
        Metric last = null;
        while (matcher.find()) {
            for (int group = 1; group <= Metric.values().length; group++) {
                if (matcher.group(group) != null) {
                    last = Metric.values()[group - 1];
                    lastEnd = matcher.end();
                }
            }
        }
        if (last == null) {
            return Optional.empty();
        }
        String between = clause.substring(lastEnd, position);
        boolean close = between.isBlank() || between.strip().split("\\s+").length <= BINDING_WORDS;
        return close && !between.matches("(?s).*\\d.*") ? Optional.of(last) : Optional.empty();
    }

    /** @return the metric named nearest before {@code position} in the clause, if any */
    static Optional<Metric> metricBefore(String clause, int position) {
        Matcher matcher = METRIC.matcher(clause.substring(0, position));
        Metric last = null;
        while (matcher.find()) {
            for (int group = 1; group <= Metric.values().length; group++) {
                if (matcher.group(group) != null) {
                    last = Metric.values()[group - 1];
                }
            }
        }
        return Optional.ofNullable(last);
    }

    /** @return the metric named right after {@code position} ("98% validation accuracy") */
    static Optional<Metric> metricAfter(String clause, int position) {
        String after = clause.substring(position);
        Matcher matcher = METRIC.matcher(after);
        if (matcher.find() && after.substring(0, matcher.start()).isBlank()) {
            for (int group = 1; group <= Metric.values().length; group++) {
                if (matcher.group(group) != null) {
                    return Optional.of(Metric.values()[group - 1]);
                }
            }
        }
        return Optional.empty();
    }

    /** @return the metrics a clause names, other than hyperparameters and the gap, in the order first named */
    static java.util.List<Metric> metricsIn(String clause) {
        java.util.List<Metric> named = new java.util.ArrayList<>();
        Matcher matcher = METRIC.matcher(clause);
        while (matcher.find()) {
            for (int group = 1; group <= 4; group++) {
                if (matcher.group(group) != null && !named.contains(Metric.values()[group - 1])) {
                    named.add(Metric.values()[group - 1]);
                }
            }
        }
        return named;
    }

    /** @return whether a negation stands in the few words before {@code position} */
    static boolean negatedBefore(String clause, int position) {
        String before = clause.substring(0, position);
        String[] words = before.strip().split("\\s+");
        int from = Math.max(0, words.length - 4);
        return NEGATION.matcher(String.join(" ", java.util.Arrays.copyOfRange(words, from, words.length))).find();
    }

    /** @return the epoch the text names, with whether it is hedged ("around epoch 12"), if it names one */
    static Optional<EpochMention> epoch(String text) {
        Matcher matcher = EPOCH.matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(new EpochMention(Integer.parseInt(matcher.group(2)), HEDGE.matcher(matcher.group(1)).find(),
                matcher.group(1).toLowerCase(java.util.Locale.ROOT).contains("after")));
    }

    /** @return how many times the text says something happened ("twice", "3 times"), if it says */
    static Optional<Integer> count(String text) {
        Matcher matcher = COUNT.matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        String word = matcher.group(1).toLowerCase(java.util.Locale.ROOT);
        return Optional.of(switch (word) {
            case "once" -> 1;
            case "twice" -> 2;
            case "thrice" -> 3;
            default -> {
                String n = matcher.group(2).toLowerCase(java.util.Locale.ROOT);
                yield NUMBER_WORDS.contains(n) ? NUMBER_WORDS.indexOf(n) + 1 : Integer.parseInt(n);
            }
        });
    }

    /** @return how many epochs either side a hedged or plain epoch mention may miss by, for a run this long */
    static int tolerance(EpochMention mention, int epochs) {
        return mention.hedged() ? Math.max(2, (int) Math.round(0.1 * epochs)) : 1;
    }

    /**
     * An epoch named in a clause.
     *
     * @param epoch  the number
     * @param hedged whether it is approximate ("around", "about", "roughly")
     * @param after  whether it is "after epoch N"
     */
    record EpochMention(int epoch, boolean hedged, boolean after) {
    }
}
