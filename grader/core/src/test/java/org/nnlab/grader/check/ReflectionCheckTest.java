package org.nnlab.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReflectionCheckTest {
    private final Check check = Fixtures.check(ReflectionCheck.TYPE,
            "{answer: reflection, minSentences: 3, maxSentences: 4, runs: [A]}");
    private final Map<String, RunEvidence> runs = Map.of("A", new RunEvidence("A", Fixtures.epochs(40, e -> 1e-3),
            null, null, null, null));

    @Test
    void sentencesAreCountedIgnoringDecimalsAndAbbreviations() {
        assertEquals(3, ReflectionCheck.countSentences("Loss fell to 0.05 by epoch 12. It overfits, e.g. the gap "
                + "grows! Does B help? "));
        assertEquals(1, ReflectionCheck.countSentences("No final stop"));
    }

    @Test
    void threeSentencesCitingRecordedValuesGetFullMarks() {
        CheckOutcome outcome = evaluate("A's validation loss kept falling until epoch 40. Its accuracy reached 98%. "
                + "So more epochs might still help.");

        assertEquals(1, outcome.fraction(), outcome.message());
        assertTrue(outcome.message().contains("cites evidence found in the curves: epoch 40, 98%"), outcome.message());
    }

    @Test
    void numbersThatAreNotInTheCurvesAreNotEvidence() {
        CheckOutcome outcome = evaluate("Regularization helped a lot. Accuracy was 37.5% higher. It converged at "
                + "epoch 400.");

        assertEquals(0.5, outcome.fraction());
        assertTrue(outcome.message().contains("It cites no epoch or value that appears in the curves"),
                outcome.message());
    }

    @Test
    void tooManySentencesLoseHalf() {
        CheckOutcome outcome = evaluate("One. Two. Three. Four. Five at epoch 3.");

        assertEquals(0.5, outcome.fraction());
        assertTrue(outcome.message().contains("It has 5 sentences; expected 3-4."), outcome.message());
    }

    @Test
    void anEmptyAnswerGetsNothing() {
        assertEquals(0, evaluate("  ").fraction());
    }

    private CheckOutcome evaluate(String answer) {
        return check.evaluate(Fixtures.evidence(runs, Map.of(), Map.of("reflection", answer)));
    }
}
