package org.nnlab.grader.reflection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the runs a piece of text names. A one-letter name ("A") counts where it cannot be the article: after
 * "model", "run" or another run, with a possessive, or as the subject of a verb at the start of a sentence.
 */
final class RunMentions {
    private static final Pattern COLLECTIVE = Pattern.compile("(?i)\\bboth\\b|\\b(?:each|either|every)\\s+(?:run|"
            + "model|network)\\b|\\ball\\s+(?:the\\s+)?(?:\\w+\\s+)?(?:runs|models|networks)\\b");
    private static final Pattern PRONOUN = Pattern.compile("(?i)\\b(?:it|its|it's|this\\s+(?:run|model|network)|"
            + "the\\s+(?:latter|former|same\\s+(?:run|model)))\\b");
    private static final String SUBJECT_FOLLOWER = "['’]s\\b|\\s*[,)]|\\s+(?:and|or|vs|versus|with|has|had|is|was|"
            + "reaches|reached|overfits|overfit|underfits|converges|converged|shows|showed|ends|ended|keeps|kept|"
            + "stays|stayed|does|did|trains|trained|learns|learned|achieves|achieved|gets|got|fits|starts|started|"
            + "begins|began|drops|dropped|falls|fell|peaks|peaked|hits|needs|needed|generalizes|generalises)\\b";

    /** A word after a sentence's first letter that reads as its verb ("A drives", "A reached"), not a noun. */
    private static final Pattern VERB_LIKE = Pattern.compile("^\\s+[a-z]+(?:ed|(?<![su])s)\\b");

    private final Map<String, Pattern> patterns = new java.util.LinkedHashMap<>();

    RunMentions(List<String> runs) {
        for (String run : runs) {
            String quoted = Pattern.quote(run);
            patterns.put(run, run.length() == 1 && Character.isLetter(run.charAt(0))
                    ? Pattern.compile("(?<![\\w'’-])" + quoted + "(?![\\w-])")
                    : Pattern.compile("(?<![\\w-])" + quoted + "(?![\\w-])", Pattern.CASE_INSENSITIVE));
        }
    }

    /** @return the runs named in {@code clause}, in the order they first appear */
    List<String> in(String clause) {
        TreeMap<Integer, String> found = new TreeMap<>();
        for (Map.Entry<String, Pattern> run : patterns.entrySet()) {
            Matcher matcher = run.getValue().matcher(clause);
            while (matcher.find()) {
                if (run.getKey().length() > 1 || namesRun(clause, matcher.start(), matcher.end())) {
                    found.putIfAbsent(matcher.start(), run.getKey());
                    break;
                }
            }
        }
        return new ArrayList<>(new java.util.LinkedHashSet<>(found.values()));
    }

    /** @return whether the text speaks of all runs at once */
    static boolean collective(String clause) {
        return COLLECTIVE.matcher(clause).find();
    }

    /** @return whether the text refers back to one run by a pronoun ("its", "this model") */
    static boolean pronoun(String clause) {
        return PRONOUN.matcher(clause).find();
    }

    private boolean namesRun(String clause, int start, int end) {
        String before = clause.substring(0, start).strip();
        if (!before.isEmpty() && !before.endsWith("\"") && !before.endsWith("(")) {
            return true;
        }
        return Pattern.compile("^(?:" + SUBJECT_FOLLOWER + ")").matcher(clause.substring(end)).find()
                || VERB_LIKE.matcher(clause.substring(end)).find()
                || patterns.values().stream().anyMatch(p -> p.matcher(clause.substring(end)).find()
                        && clause.substring(end).matches("(?s)\\s+(?:and|or|vs\\.?|versus)\\s+.*"));
    }
}
