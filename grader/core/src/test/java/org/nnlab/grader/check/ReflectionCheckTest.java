package org.nnlab.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnlab.grader.lab.LabException;

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
    void threeSentencesWhoseClaimsTheCurvesBearOutGetFullMarks() {
        CheckOutcome outcome = evaluate("A's validation loss kept falling until epoch 40. Its accuracy reached 98%. "
                + "So more epochs might still help.");

        assertEquals(1, outcome.fraction(), outcome.message());
        assertTrue(outcome.message().contains("It supports what it says with evidence from the curves: 2 claims they "
                + "bear out."), outcome.message());
        assertTrue(outcome.message().contains("- supported: \"Its accuracy reached 98%.\" - A's validation accuracy "
                + "at epoch 40 was 98.0%."), outcome.message());
    }

    @Test
    void numbersThatAreNotInTheCurvesAreNotEvidence() {
        CheckOutcome outcome = evaluate("Regularization helped a lot. Accuracy was 37.5% higher. It converged at "
                + "epoch 400.");

        assertEquals(0.5, outcome.fraction());
        assertTrue(outcome.message().contains("It cites nothing the curves bear out"), outcome.message());
    }

    @Test
    void aClaimTheCurvesContradictCostsTheLabsShareInsteadOfCountingAsEvidence() {
        Map<String, RunEvidence> lowestAt36 = Map.of("A", new RunEvidence("A", Fixtures.curve(valleyAt(36)), null,
                null, null, null));
        String answer = "Model A's validation loss bottomed out around epoch 12 and then rose. It reached 93.9% at "
                + "epoch 40. Regularization would help.";

        CheckOutcome outcome = check.evaluate(Fixtures.evidence(lowestAt36, Map.of(), Map.of("reflection", answer)));

        assertEquals(0.5 + 0.5 - 0.25, outcome.fraction(), 1e-9, outcome.message());
        assertTrue(outcome.message().contains("- contradicted: \"Model A's validation loss bottomed out around epoch "
                + "12 and then rose.\" - A's validation loss is lowest at epoch 36 (0.14); at epoch 12 it was 0.38."),
                outcome.message());
        assertTrue(outcome.message().contains("The curves contradict 1 of its claims (25% of the points each)."),
                outcome.message());
        Check strict = Fixtures.check(ReflectionCheck.TYPE, "{answer: reflection, minSentences: 3, maxSentences: 4, "
                + "runs: [A], contradictionCost: 0.75}");
        assertEquals(0.25, strict.evaluate(Fixtures.evidence(lowestAt36, Map.of(), Map.of("reflection", answer)))
                .fraction(), 1e-9);
    }

    @Test
    void aContradictionCostBeyondTheWholeCheckIsRefused() {
        LabException refused = assertThrows(LabException.class, () -> Fixtures.check(ReflectionCheck.TYPE,
                "{answer: reflection, minSentences: 1, maxSentences: 2, runs: [A], contradictionCost: 2}"));

        assertTrue(refused.getMessage().contains("contradictionCost"), refused.getMessage());
    }

    /** @return 40 validation losses falling by 0.02 an epoch to their lowest at {@code epoch}, then rising */
    private static double[] valleyAt(int epoch) {
        double[] losses = new double[40];
        for (int i = 0; i < losses.length; i++) {
            losses[i] = 0.14 + 0.01 * Math.abs(i + 1 - epoch);
        }
        return losses;
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
