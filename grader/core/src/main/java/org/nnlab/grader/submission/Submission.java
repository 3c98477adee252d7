package org.nnlab.grader.submission;

import java.util.Map;
import java.util.TreeMap;

/**
 * A student's submission: Java sources by relative path, and the free-text answers by id.
 *
 * @param sources relative path (e.g. {@code Solution.java} or {@code model/Net.java}) to source text
 * @param answers answer id to text
 */
public record Submission(Map<String, String> sources, Map<String, String> answers) {

    /** Copies the maps, sources in path order. */
    public Submission {
        sources = Map.copyOf(new TreeMap<>(sources));
        answers = Map.copyOf(answers);
    }

    /** @return the same sources with other answers */
    public Submission withAnswers(Map<String, String> newAnswers) {
        return new Submission(sources, newAnswers);
    }
}
