package org.nnlab.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnlab.grader.network.NetworkDescription;

class SameArchitectureCheckTest {
    private final Check check = Fixtures.check(SameArchitectureCheck.TYPE, "{runs: [A, B]}");

    @Test
    void theReferenceRunsShareTheirArchitecture() {
        assertEquals("Runs A and B share the architecture 64-128-64-10.",
                evaluate(Fixtures.network("B")).message());
    }

    @Test
    void aNarrowerHiddenLayerIsNamedWithBothShapes() {
        CheckOutcome outcome = evaluate(Fixtures.network("B", json -> {
            Fixtures.layer(json, 1).put("nout", 32);
            Fixtures.layer(json, 2).put("nin", 32);
        }));

        assertEquals(0, outcome.fraction());
        assertEquals("Layer 1 differs: run A has DenseLayer 128->64 ReLU, run B has DenseLayer 128->32 ReLU. Use the "
                + "same architecture so that the comparison shows the effect of regularization alone.",
                outcome.message());
    }

    private CheckOutcome evaluate(NetworkDescription b) {
        return check.evaluate(Fixtures.evidence(Map.of(
                "A", new RunEvidence("A", Fixtures.epochs(3, e -> 1e-3), Fixtures.network("A"), null, null, null),
                "B", new RunEvidence("B", Fixtures.epochs(3, e -> 1e-3), b, null, null, null)), Map.of(), Map.of()));
    }
}
