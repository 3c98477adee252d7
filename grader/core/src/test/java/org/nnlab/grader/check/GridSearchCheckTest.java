package org.nnlab.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnlab.grader.lab.LabException;

class GridSearchCheckTest {
    private final Check check = Fixtures.check(GridSearchCheck.TYPE,
            "{runs: [grid-1, grid-2, grid-3, grid-4, grid-5, grid-6], learningRates: 3, weightDecays: 2}");

    @Test
    void everyCombinationOnceInAnyOrderPasses() {
        CheckOutcome outcome = check.evaluate(runs(List.of(1e-1, 1e-4, 1e-3, 1e-3, 1e-1, 1e-4),
                List.of(1e-6, 1e-3, 1e-3, 1e-6, 1e-3, 1e-6)));

        assertEquals(1, outcome.fraction(), outcome.message());
        assertEquals("The runs cover the 3 x 2 grid of learning rates 0.0001, 0.001, 0.1 and weight decays 0.000001, "
                + "0.001, each combination once.", outcome.message());
    }

    @Test
    void sixDifferentLearningRatesAreARandomSearchNotAGrid() {
        CheckOutcome outcome = check.evaluate(runs(List.of(1e-4, 2e-4, 1e-3, 2e-3, 1e-2, 2e-2),
                List.of(1e-6, 1e-3, 1e-6, 1e-3, 1e-6, 1e-3)));

        assertEquals(0, outcome.fraction());
        assertEquals("The runs have 6 different learning rates (0.0001, 0.0002, 0.001, 0.002, 0.01, 0.02); a 3 x 2 "
                + "grid has 3. Train every combination of the grid's learning rates and weight decays exactly once.",
                outcome.message());
    }

    @Test
    void aCombinationTrainedTwiceLeavesAnotherOutAndFails() {
        CheckOutcome outcome = check.evaluate(runs(List.of(1e-4, 1e-4, 1e-3, 1e-3, 1e-1, 1e-1),
                List.of(1e-6, 1e-3, 1e-6, 1e-3, 1e-6, 1e-6)));

        assertEquals(0, outcome.fraction());
        assertEquals("Runs grid-5 and grid-6 both train with learning rate 0.1, weight decay 0.000001, so another "
                + "combination of the grid is missing. Train every combination of the grid's learning rates and "
                + "weight decays exactly once.", outcome.message());
    }

    @Test
    void aMissingRunIsNamed() {
        Evidence evidence = Fixtures.evidence(Map.of(), Map.of(), Map.of());

        assertEquals("Run grid-1 has no saved network whose learning rate and weight decay could be read.",
                check.evaluate(evidence).message());
    }

    @Test
    void runsThatDoNotMatchTheGridsSizeAreRefusedNamingTheField() {
        LabException error = assertThrows(LabException.class, () -> Fixtures.check(GridSearchCheck.TYPE,
                "{runs: [grid-1, grid-2, grid-3, grid-4], learningRates: 3, weightDecays: 2}"));

        assertEquals("lab.yaml: field 'checks[0].params.runs' must name 3 x 2 = 6 different runs, one per combination",
                error.getMessage());
    }

    @Test
    void aGridWithoutValuesIsRefusedNamingTheField() {
        LabException error = assertThrows(LabException.class, () -> Fixtures.check(GridSearchCheck.TYPE,
                "{runs: [grid-1], learningRates: 0, weightDecays: 1}"));

        assertEquals("lab.yaml: field 'checks[0].params.learningRates' must be an integer of at least 1",
                error.getMessage());
    }

    private static Evidence runs(List<Double> learningRates, List<Double> weightDecays) {
        return Fixtures.search("grid", learningRates, weightDecays);
    }
}
