package org.nnlab.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.nnlab.grader.network.NetworkDescription;

class RegularizationCheckTest {
    private final Check check = Fixtures.check(RegularizationCheck.TYPE,
            "{run: B, weightDecay: 0.0001, dropProbability: 0.2}");

    @Test
    void theReferenceConfigurationPasses() {
        CheckOutcome outcome = evaluate(Fixtures.network("B"));

        assertEquals(1, outcome.fraction());
        assertEquals("Run B has weight decay 0.0001 and dropout with drop probability 0.2.", outcome.message());
    }

    @Test
    void regularizationPutOnTheConfigurationAfterTrainingEarnsNothing() {
        CheckOutcome outcome = check.evaluate(Fixtures.evidence(Map.of("B", new RunEvidence("B", List.of(),
                Fixtures.network("B"), null, null, null, null, List.of(), Fixtures.network("A"), 0)), Map.of(),
                Map.of()));

        assertEquals(0, outcome.fraction());
        assertTrue(outcome.message().startsWith("Run B: found no weight decay or L2"), outcome.message());
    }

    @Test
    void dropOutOfTwoTenthsIsExplainedAsKeepingTwentyPercent() {
        CheckOutcome outcome = evaluate(Fixtures.network("B", withRetain(0.2)));

        assertEquals(0.5, outcome.fraction());
        assertTrue(outcome.message().contains("found dropOut(0.2) on layer 1. DL4J's dropOut(x) takes the "
                + "probability to RETAIN an activation: dropOut(0.2) keeps only 20% and drops 80%. For a drop "
                + "probability of 0.2 write dropOut(0.8)."), outcome.message());
    }

    @Test
    void weightDecayListedTwiceByTheGlobalBuilderIsReportedWithItsEffectiveCoefficient() {
        CheckOutcome outcome = evaluate(Fixtures.network("B", json -> {
            for (int i = 0; i < 3; i++) {
                var terms = Fixtures.layer(json, i).withArray("regularization");
                terms.add(terms.get(0).deepCopy());
            }
        }));

        assertEquals(0.5, outcome.fraction());
        assertTrue(outcome.message().contains("layer 0 lists WeightDecay 2 times, so the effective coefficient is "
                + "0.0002, not 0.0001. DL4J 1.0.0-M2.1's global NeuralNetConfiguration.Builder.weightDecay(x) applies "
                + "it twice"), outcome.message());
    }

    @Test
    void l1InsteadOfWeightDecayIsNamed() {
        CheckOutcome outcome = evaluate(Fixtures.network("B", json -> {
            for (int i = 0; i < 3; i++) {
                ObjectNode term = (ObjectNode) Fixtures.layer(json, i).withArray("regularization").get(0);
                term.put("@class", "org.nd4j.linalg.learning.regularization.L1Regularization");
                term.set("l1", term.remove("coeff"));
            }
        }));

        assertEquals(0.5, outcome.fraction());
        assertTrue(outcome.message().startsWith("Run B: found L1 regularization (0.0001) on layer 0; expected weight "
                + "decay or L2."), outcome.message());
    }

    @Test
    void l2OfTheRightCoefficientCountsAsWeightDecay() {
        CheckOutcome outcome = evaluate(Fixtures.network("B", json -> {
            for (int i = 0; i < 3; i++) {
                ObjectNode term = (ObjectNode) Fixtures.layer(json, i).withArray("regularization").get(0);
                term.put("@class", "org.nd4j.linalg.learning.regularization.L2Regularization");
                term.set("l2", term.remove("coeff"));
            }
        }));

        assertEquals(1, outcome.fraction(), outcome.message());
    }

    @Test
    void aNetworkWithoutRegularizationGetsNothingAndBothHints() {
        CheckOutcome outcome = evaluate(Fixtures.network("A"));

        assertEquals(0, outcome.fraction());
        assertTrue(outcome.message().contains("found no weight decay or L2"), outcome.message());
        assertTrue(outcome.message().contains("found no dropout; expected a drop probability of 0.2, which is "
                + ".dropOut(0.8)"), outcome.message());
    }

    @Test
    void anotherDropProbabilityIsTranslatedIntoDl4jTerms() {
        CheckOutcome outcome = evaluate(Fixtures.network("B", withRetain(0.5)));

        assertTrue(outcome.message().contains("found dropOut(0.5) on layer 1, a drop probability of 0.5; expected 0.2, "
                + "which is dropOut(0.8) in DL4J"), outcome.message());
    }

    private static Consumer<ObjectNode> withRetain(double retain) {
        return json -> {
            for (int i = 1; i < 3; i++) {
                ((ObjectNode) Fixtures.layer(json, i).get("idropout")).put("p", retain);
            }
        };
    }

    private CheckOutcome evaluate(NetworkDescription network) {
        return check.evaluate(Fixtures.evidence(Map.of("B", new RunEvidence("B", Fixtures.epochs(3, e -> 1e-3),
                network, null, null, null)), Map.of(), Map.of()));
    }

    @Test
    void aMissingRunIsReported() {
        CheckOutcome outcome = check.evaluate(Fixtures.evidence(Map.of(), Map.of(), Map.of()));

        assertEquals("Run B has no saved network whose regularization could be checked.", outcome.message());
    }
}
