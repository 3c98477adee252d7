package org.nnlab.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnlab.grader.lab.LabException;

class AccuracyCheckTest {
    private final Check check = Fixtures.check(AccuracyCheck.TYPE, "{run: A, zeroBelow: 0.90, fullAt: 0.96}");

    @Test
    void creditIsLinearBetweenTheThresholds() {
        assertEquals(1, evaluate(0.97).fraction());
        assertEquals(0.5, evaluate(0.93).fraction(), 1e-9);
        assertEquals(0, evaluate(0.85).fraction());
    }

    @Test
    void theMessageGivesTheMeasuredAccuracyAndTheThreshold() {
        CheckOutcome outcome = evaluate(0.93);

        assertTrue(outcome.message().startsWith("Run A's final network classifies 93% of the validation part correctly "
                + "(measured by the grader); expected at least 96% for full marks (nothing below 90%)."),
                outcome.message());
    }

    @Test
    void thresholdsInTheWrongOrderAreALabError() {
        LabException error = assertThrows(LabException.class,
                () -> Fixtures.check(AccuracyCheck.TYPE, "{run: A, zeroBelow: 0.96, fullAt: 0.90}"));

        assertEquals("lab.yaml: field 'checks[0].params.fullAt' must be greater than zeroBelow", error.getMessage());
    }

    private CheckOutcome evaluate(double accuracy) {
        return check.evaluate(Fixtures.evidence(Map.of("A", new RunEvidence("A", Fixtures.epochs(3, e -> 1e-3), null,
                null, new Measurement(accuracy, 0.1), null)), Map.of(), Map.of()));
    }
}
