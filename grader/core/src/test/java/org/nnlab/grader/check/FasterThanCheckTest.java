package org.nnlab.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnlab.grader.lab.LabException;

class FasterThanCheckTest {
    private final Evidence evidence = Fixtures.evidence(Map.of(
            "he", new RunEvidence("he", Fixtures.curve(1.0, 0.5, 0.3), null, null, null, null),
            "zeros", new RunEvidence("zeros", Fixtures.curve(2.3, 2.3, 2.3), null, null, null, null)),
            Map.of(), Map.of());

    @Test
    void aRunWhoseLossIsLowerByMoreThanTheMarginIsFaster() {
        CheckOutcome outcome = evaluate("{run: he, slower: zeros, epoch: 3, margin: 1.0}");

        assertEquals(1, outcome.fraction(), outcome.message());
        assertEquals("At epoch 3, run he's validation loss is 0.3 and run zeros's is 2.3: he is ahead by 2 (more "
                + "than 1 was expected).", outcome.message());
    }

    @Test
    void aLeadSmallerThanTheMarginFails() {
        CheckOutcome outcome = evaluate("{run: he, slower: zeros, epoch: 1, margin: 1.5}");

        assertEquals(0, outcome.fraction());
        assertTrue(outcome.message().startsWith("At epoch 1, run he's validation loss is 1 and run zeros's is 2.3; "
                + "expected he to be ahead by more than 1.5."), outcome.message());
    }

    @Test
    void forAccuracyHigherIsAhead() {
        CheckOutcome reversed = evaluate("{run: zeros, slower: he, epoch: 3, metric: validationAccuracy}");
        CheckOutcome forward = evaluate("{run: he, slower: zeros, epoch: 3, metric: validationAccuracy}");

        assertEquals(0, forward.fraction(), "equal accuracy curves: nobody is ahead");
        assertEquals(0, reversed.fraction());
        assertTrue(forward.message().contains("validation accuracy is 0.902"), forward.message());
    }

    @Test
    void aRunWithTooFewEpochsFails() {
        CheckOutcome outcome = evaluate("{run: he, slower: zeros, epoch: 4}");

        assertEquals(0, outcome.fraction());
        assertTrue(outcome.message().startsWith("Run he recorded 3 epoch(s); the runs are compared at epoch 4"),
                outcome.message());
    }

    @Test
    void badParametersAreNamed() {
        assertEquals("lab.yaml: field 'checks[0].params.slower' must name another run than run",
                error("{run: he, slower: he, epoch: 3}"));
        assertEquals("lab.yaml: field 'checks[0].params.metric' must be validationAccuracy, validationLoss or "
                + "trainingLoss", error("{run: he, slower: zeros, epoch: 3, metric: testLoss}"));
        assertEquals("lab.yaml: field 'checks[0].params.epoch' must be an integer of at least 1",
                error("{run: he, slower: zeros, epoch: 0}"));
    }

    private CheckOutcome evaluate(String params) {
        return Fixtures.check(FasterThanCheck.TYPE, params).evaluate(evidence);
    }

    private static String error(String params) {
        return assertThrows(LabException.class, () -> Fixtures.check(FasterThanCheck.TYPE, params)).getMessage();
    }
}
