package org.nnlab.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnlab.grader.lab.LabException;

class SubsetLossCheckTest {
    private final Check check = Fixtures.check(SubsetLossCheck.TYPE, "{run: overfit, maxLoss: 0.05}");

    @Test
    void aNetworkThatFitsTheFirstRowsPasses() {
        CheckOutcome outcome = evaluate(new Measurement(1.0, 0.012));

        assertEquals(1, outcome.fraction(), outcome.message());
        assertEquals("Run overfit's saved network has a loss of 0.012 on the first training examples and classifies "
                + "100% of them correctly (measured by the grader); at most 0.05 was expected.", outcome.message());
    }

    @Test
    void aNetworkThatCannotFitThemFailsWithAHint() {
        CheckOutcome outcome = evaluate(new Measurement(0.1, 2.31));

        assertEquals(0, outcome.fraction());
        assertTrue(outcome.message().contains("loss of 2.31 on the first training examples and classifies 10% of "
                + "them correctly (measured by the grader); expected at most 0.05."), outcome.message());
    }

    @Test
    void aRunNotMeasuredOnTheFirstRowsFails() {
        RunEvidence run = new RunEvidence("overfit", Fixtures.epochs(3, e -> 1e-3), null, "no saved network", null,
                null);

        CheckOutcome outcome = check.evaluate(Fixtures.evidence(Map.of("overfit", run), Map.of(), Map.of()));

        assertEquals("Run overfit has no saved network the grader could measure on the first training rows (no saved "
                + "network).", outcome.message());
    }

    @Test
    void aNegativeOrMissingBoundIsRefused() {
        LabException negative = assertThrows(LabException.class, () -> Fixtures.check(SubsetLossCheck.TYPE,
                "{run: overfit, maxLoss: -1}"));
        LabException missing = assertThrows(LabException.class, () -> Fixtures.check(SubsetLossCheck.TYPE,
                "{run: overfit}"));

        assertTrue(negative.getMessage().startsWith("lab.yaml: field 'checks[0].params.maxLoss' must be a number "
                + "from 0.0 to"), negative.getMessage());
        assertEquals("lab.yaml: field 'checks[0].params.maxLoss' is missing", missing.getMessage());
    }

    private CheckOutcome evaluate(Measurement subset) {
        RunEvidence run = new RunEvidence("overfit", Fixtures.epochs(3, e -> 1e-3), null, null, null, null, subset,
                List.of());
        return check.evaluate(Fixtures.evidence(Map.of("overfit", run), Map.of(), Map.of()));
    }
}
