package org.nnlab.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportedValueCheckTest {
    private final Check check = Fixtures.check(ReportedValueCheck.TYPE,
            "{key: A.best, run: A, metric: validationAccuracy, aggregate: max, tolerance: 0.0001}");
    private final Map<String, RunEvidence> runs = Map.of("A", new RunEvidence("A", Fixtures.epochs(40, e -> 1e-3),
            null, null, null, null));

    @Test
    void theMaximumOfTheCurvePasses() {
        CheckOutcome outcome = check.evaluate(Fixtures.evidence(runs, Map.of("A.best", 0.98), Map.of()));

        assertEquals(1, outcome.fraction(), outcome.message());
    }

    @Test
    void aValueThatIsNotOnTheCurveFails() {
        CheckOutcome outcome = check.evaluate(Fixtures.evidence(runs, Map.of("A.best", 0.999), Map.of()));

        assertEquals("Reported A.best = 0.999, but the maximum of run A's validationAccuracy curve is 0.98 (epoch 40). "
                + "Report the best value over all epochs as measured by endEpoch(), not the last one or one of your "
                + "own.", outcome.message());
    }

    @Test
    void aMissingReportSaysHowToReport() {
        CheckOutcome outcome = check.evaluate(Fixtures.evidence(runs, Map.of(), Map.of()));

        assertEquals("No value was reported for A.best: call ctx.report(\"A.best\", value).", outcome.message());
    }
}
