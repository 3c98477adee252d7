package org.nnlab.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.nnlab.grader.network.NetworkDescription;

class OptimizerCheckTest {
    private final Check check = Fixtures.check(OptimizerCheck.TYPE,
            "{run: A, updater: Adam, learningRate: 0.001, constant: true, noRegularization: true}");

    @Test
    void plainAdamAtTheRightRatePasses() {
        assertEquals("Run A uses Adam with learning rate 0.001 and no regularization.",
                evaluate(Fixtures.network("A"), e -> 1e-3).message());
    }

    @Test
    void aTenTimesLargerRateIsReportedWithItsEffect() {
        CheckOutcome outcome = evaluate(Fixtures.network("A"), e -> 1e-2);

        assertEquals(0, outcome.fraction());
        assertEquals("Run A: found an initial learning rate of 0.01; expected 0.001. A larger rate makes the updates "
                + "overshoot: the loss jumps around or diverges.", outcome.message());
    }

    @Test
    void regularizationInTheBaselineIsRefused() {
        CheckOutcome outcome = evaluate(Fixtures.network("B", json -> Fixtures.layer(json, 0).put("nin", 64)),
                e -> 1e-3);

        assertEquals("Run A: found WeightDecay on a DenseLayer; expected no regularization at all in this baseline run.",
                outcome.message());
    }

    @Test
    void aScheduleInTheBaselineIsRefused() {
        CheckOutcome outcome = evaluate(Fixtures.network("A"), e -> e > 10 ? 5e-4 : 1e-3);

        assertEquals("Run A: the learning rate changed to 0.0005 at epoch 11; expected a constant rate (no schedule) "
                + "in this run.", outcome.message());
    }

    @Test
    void anotherUpdaterIsNamed() {
        CheckOutcome outcome = evaluate(Fixtures.network("A", json -> {
            for (int i = 0; i < 3; i++) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) Fixtures.layer(json, i).get("iupdater"))
                        .put("@class", "org.nd4j.linalg.learning.config.Sgd");
            }
        }), e -> 1e-3);

        assertEquals("Run A: found the Sgd updater on a DenseLayer; expected Adam.", outcome.message());
    }

    private CheckOutcome evaluate(NetworkDescription network, DoubleUnaryOperator rate) {
        return check.evaluate(Fixtures.evidence(Map.of("A", new RunEvidence("A", Fixtures.epochs(40, rate), network,
                null, null, null)), Map.of(), Map.of()));
    }
}
