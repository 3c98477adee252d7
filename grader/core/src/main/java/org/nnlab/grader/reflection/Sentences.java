package org.nnlab.grader.reflection;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits English prose into sentences and sentences into clauses, leaving decimals and abbreviations whole. */
public final class Sentences {
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+(?=\\s|$)");
    private static final Pattern DECIMAL_POINT = Pattern.compile("(?<=\\d)\\.(?=\\d)");
    private static final Pattern ABBREVIATION = Pattern.compile("(?i)\\b(?:e\\.g|i\\.e|etc|vs|approx|cf|fig|ca)\\.");
    private static final Pattern CLAUSE_BREAK = Pattern.compile("(?i)\\s*[;:]\\s*|,\\s+(?=(?:so|while|whereas|but|"
            + "which|because|although|though|and then|yet)\\b)|\\s+(?=(?:while|whereas|although|though|because)\\b)");

    private Sentences() {
    }

    /** @return the sentences of {@code text} as written, stripped, without empty ones */
    public static List<String> split(String text) {
        String masked = mask(text);
        List<String> sentences = new ArrayList<>();
        Matcher end = SENTENCE_END.matcher(masked);
        int start = 0;
        while (end.find()) {
            add(sentences, text.substring(start, end.end()));
            start = end.end();
        }
        add(sentences, text.substring(start));
        return sentences;
    }

    /** @return the clauses of one sentence: parts joined by a semicolon, "while", "whereas", ", but", ", so"... */
    public static List<String> clauses(String sentence) {
        List<String> clauses = new ArrayList<>();
        for (String part : CLAUSE_BREAK.split(sentence)) {
            add(clauses, part);
        }
        return clauses;
    }

    private static String mask(String text) {
        StringBuilder masked = new StringBuilder(text);
        Matcher decimal = DECIMAL_POINT.matcher(text);
        while (decimal.find()) {
            masked.setCharAt(decimal.start(), '_');
        }
        Matcher abbreviation = ABBREVIATION.matcher(text);
        while (abbreviation.find()) {
            for (int i = abbreviation.start(); i < abbreviation.end(); i++) {
                if (text.charAt(i) == '.') {
                    masked.setCharAt(i, '_');
                }
            }
        }
        return masked.toString();
    }

    private static void add(List<String> parts, String part) {
        if (!part.isBlank()) {
            parts.add(part.strip());
        }
    }
}
