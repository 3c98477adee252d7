package org.nnlab.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnlab.grader.lab.LabException;
import org.nnlab.protocol.LayerSymmetry;

class SymmetryCheckTest {
    private static final List<LayerSymmetry> ZEROS = List.of(new LayerSymmetry(0, 64, 1, true),
            new LayerSymmetry(1, 64, 1, true), new LayerSymmetry(2, 10, 10, false));
    private static final List<LayerSymmetry> HE = List.of(new LayerSymmetry(0, 64, 64, true),
            new LayerSymmetry(1, 64, 64, true), new LayerSymmetry(2, 10, 10, false));

    @Test
    void aZeroInitializedRunWithOneUnitPerHiddenLayerKeptItsSymmetry() {
        CheckOutcome outcome = evaluate("{run: A, broken: false}", ZEROS);

        assertEquals(1, outcome.fraction(), outcome.message());
        assertEquals("Run A's saved network has one distinct unit in each hidden layer: its hidden units are copies "
                + "of each other, the symmetry was never broken (distinct units per hidden layer: layer 0: 1 of 64, "
                + "layer 1: 1 of 64).", outcome.message());
    }

    @Test
    void aRandomlyInitializedRunBrokeTheSymmetryAndTheOutputLayerIsNotJudged() {
        List<LayerSymmetry> outputCopies = List.of(HE.get(0), HE.get(1), new LayerSymmetry(2, 10, 1, false));

        assertEquals(1, evaluate("{run: A, broken: true}", outputCopies).fraction());
    }

    @Test
    void aRunExpectedSymmetricWithDistinctUnitsFails() {
        CheckOutcome outcome = evaluate("{run: A, broken: false}", HE);

        assertEquals(0, outcome.fraction());
        assertEquals("Run A's saved network has layer 0: 64 of 64, layer 1: 64 of 64 distinct hidden units; expected "
                + "a single distinct unit per layer, as an initialization with all weights equal (WeightInit.ZERO) "
                + "leaves it. Initialize this run's weights to zeros.", outcome.message());
    }

    @Test
    void aRunExpectedBrokenWithOneLayerOfCopiesFails() {
        List<LayerSymmetry> oneLayerOfCopies = List.of(HE.get(0), new LayerSymmetry(1, 64, 1, true), HE.get(2));

        CheckOutcome outcome = evaluate("{run: A, broken: true}", oneLayerOfCopies);

        assertEquals(0, outcome.fraction());
        assertEquals(true, outcome.message().contains("layer 1: 1 of 64"), outcome.message());
    }

    @Test
    void aRunWithoutCountedLayersFailsWithItsProblem() {
        RunEvidence run = new RunEvidence("A", Fixtures.epochs(3, e -> 1e-3), null, "no saved network", null, null);

        CheckOutcome outcome = Fixtures.check(SymmetryCheck.TYPE, "{run: A, broken: true}")
                .evaluate(Fixtures.evidence(Map.of("A", run), Map.of(), Map.of()));

        assertEquals(0, outcome.fraction());
        assertEquals("Run A has no saved network whose hidden layers the grader could count (no saved network).",
                outcome.message());
    }

    @Test
    void aMissingOrNonBooleanBrokenIsRefused() {
        LabException missing = assertThrows(LabException.class, () -> Fixtures.check(SymmetryCheck.TYPE,
                "{run: A}"));
        LabException notBoolean = assertThrows(LabException.class, () -> Fixtures.check(SymmetryCheck.TYPE,
                "{run: A, broken: maybe}"));

        assertEquals("lab.yaml: field 'checks[0].params.broken' is missing", missing.getMessage());
        assertEquals("lab.yaml: field 'checks[0].params.broken' must be true or false", notBoolean.getMessage());
    }

    private static CheckOutcome evaluate(String params, List<LayerSymmetry> symmetry) {
        RunEvidence run = new RunEvidence("A", Fixtures.epochs(3, e -> 1e-3), null, null, null, null, null, symmetry);
        return Fixtures.check(SymmetryCheck.TYPE, params).evaluate(Fixtures.evidence(Map.of("A", run), Map.of(),
                Map.of()));
    }
}
