package org.nnlab.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnlab.grader.lab.LabException;

class AnswerMentionsCheckTest {
    private final Check check = Fixtures.check(AnswerMentionsCheck.TYPE,
            "{answer: cause, anyOf: [symmetr, identical, same gradient]}");

    @Test
    void anAnswerNamingATermAtTheStartOfAWordPasses() {
        CheckOutcome outcome = evaluate("All hidden units got the Same Gradient, so the SYMMETRIC start stayed.");

        assertEquals(1, outcome.fraction(), outcome.message());
        assertEquals("Answer 'cause' names symmetr, same gradient. Judged by keywords; an instructor may review this "
                + "score.", outcome.message());
    }

    @Test
    void aTermInsideAnotherWordDoesNotCount() {
        CheckOutcome outcome = evaluate("The loss was asymmetric and the units nonidentical.");

        assertEquals(0, outcome.fraction());
        assertEquals("Answer 'cause' names none of the terms expected in the explanation. Say what the cause is, in "
                + "so many words. Judged by keywords; an instructor may review this score.", outcome.message());
    }

    @Test
    void aMissingAnswerFails() {
        assertEquals("No answer 'cause' was given.", evaluate("  ").message());
    }

    @Test
    void anEmptyListOfTermsIsRefused() {
        LabException error = assertThrows(LabException.class, () -> Fixtures.check(AnswerMentionsCheck.TYPE,
                "{answer: cause, anyOf: []}"));

        assertEquals("lab.yaml: field 'checks[0].params.anyOf' must be a non-empty list", error.getMessage());
    }

    private CheckOutcome evaluate(String answer) {
        return check.evaluate(Fixtures.evidence(Map.of(), Map.of(), Map.of("cause", answer)));
    }
}
