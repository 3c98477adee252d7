package org.nnlab.grader.check;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.nnlab.grader.lab.Fields;

/**
 * A free-text answer names what the lab asks for, judged by keywords: it passes when it contains any of the terms,
 * each matched case-insensitively at the start of a word, so {@code symmetr} matches "symmetry" and "symmetric".
 * A heuristic: an answer can name a term and still be wrong, or explain the cause in other words. Declare such a
 * check {@code manual: true} so that an instructor reviews its score. Parameters: {@code answer} (the answer's id),
 * {@code anyOf} (the terms).
 */
public final class AnswerMentionsCheck implements Check {

    /** The {@code answer-mentions} check type. */
    public static final CheckType TYPE = new SimpleCheckType("answer-mentions",
            "a free-text answer names any of the terms (case-insensitive, at the start of a word: symmetr matches "
                    + "symmetry); a keyword heuristic, declare it manual: true for an instructor to review; params: "
                    + "answer, anyOf", AnswerMentionsCheck::create);

    private final String answer;
    private final List<String> terms;
    private final List<Pattern> patterns;

    private AnswerMentionsCheck(String answer, List<String> terms) {
        this.answer = answer;
        this.terms = terms;
        this.patterns = terms.stream().map(term -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(term),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)).toList();
    }

    private static Check create(Fields params) {
        Check check = new AnswerMentionsCheck(params.string("answer"), params.strings("anyOf").stream()
                .map(term -> term.strip().toLowerCase(Locale.ROOT)).toList());
        params.finish();
        return check;
    }

    @Override
    public CheckOutcome evaluate(Evidence evidence) {
        String text = evidence.answers().getOrDefault(answer, "").strip();
        if (text.isEmpty()) {
            return CheckOutcome.fail("No answer '" + answer + "' was given.");
        }
        List<String> named = IntStream.range(0, terms.size()).filter(i -> patterns.get(i).matcher(text).find())
                .mapToObj(terms::get).toList();
        if (!named.isEmpty()) {
            return CheckOutcome.pass("Answer '" + answer + "' names " + String.join(", ", named) + ". Judged by "
                    + "keywords; an instructor may review this score.");
        }
        return CheckOutcome.fail("Answer '" + answer + "' names none of the terms expected in the explanation. Say "
                + "what the cause is, in so many words. Judged by keywords; an instructor may review this score.");
    }
}
