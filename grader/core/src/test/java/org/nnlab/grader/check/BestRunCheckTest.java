package org.nnlab.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnlab.grader.lab.LabException;
import org.nnlab.protocol.EpochRecord;

class BestRunCheckTest {
    private final Check lowestLastLoss = Fixtures.check(BestRunCheck.TYPE,
            "{runs: [grid-1, grid-2, grid-3], metric: validationLoss}");
    /** grid-2 has the lowest last validation loss, grid-3 the highest accuracy at its best epoch. */
    private final Map<String, RunEvidence> runs = Map.of(
            "grid-1", run("grid-1", 1e-3, 1e-4, 0.50, 0.90, 0.90),
            "grid-2", run("grid-2", 1e-2, 1e-4, 0.20, 0.95, 0.95),
            "grid-3", run("grid-3", 1e-2, 1e-3, 0.30, 0.97, 0.93));

    @Test
    void theHyperparametersOfTheRunWithTheLowestLastLossPass() {
        CheckOutcome outcome = lowestLastLoss.evaluate(Fixtures.evidence(runs,
                Map.of("best.learningRate", 1e-2, "best.weightDecay", 1e-4), Map.of()));

        assertEquals(1, outcome.fraction(), outcome.message());
        assertEquals("The reported learning rate 0.01, weight decay 0.0001 is that of the best run: run grid-2 "
                + "(learning rate 0.01, weight decay 0.0001) with a last epoch's validationLoss of 0.2.",
                outcome.message());
    }

    @Test
    void anotherRunsConfigurationGetsHalfForTheSharedLearningRateAndNamesBothRuns() {
        CheckOutcome outcome = lowestLastLoss.evaluate(Fixtures.evidence(runs,
                Map.of("best.learningRate", 1e-2, "best.weightDecay", 1e-3), Map.of()));

        assertEquals(0.5, outcome.fraction());
        assertEquals("The reported learning rate 0.01, weight decay 0.001 is that of run grid-3, whose last epoch's "
                + "validationLoss is 0.3; the best is run grid-2 (learning rate 0.01, weight decay 0.0001) with a last "
                + "epoch's validationLoss of 0.2. Compare the runs by their last epoch's validationLoss (the lowest "
                + "wins) and report the hyperparameters the best run was trained with.", outcome.message());
    }

    @Test
    void aConfigurationOfNoRunScoresNothing() {
        CheckOutcome outcome = lowestLastLoss.evaluate(Fixtures.evidence(runs,
                Map.of("best.learningRate", 5e-2, "best.weightDecay", 5e-3), Map.of()));

        assertEquals(0, outcome.fraction());
        assertEquals("The reported learning rate 0.05, weight decay 0.005 is not that of any of the runs",
                outcome.message().substring(0, outcome.message().indexOf(';')));
    }

    @Test
    void theBestEpochOfEachCurveIsComparedWhenTheLabSaysSo() {
        Check highestBestAccuracy = Fixtures.check(BestRunCheck.TYPE,
                "{runs: [grid-1, grid-2, grid-3], metric: validationAccuracy, at: best}");

        CheckOutcome outcome = highestBestAccuracy.evaluate(Fixtures.evidence(runs,
                Map.of("best.learningRate", 1e-2, "best.weightDecay", 1e-3), Map.of()));

        assertEquals(1, outcome.fraction(), outcome.message());
    }

    @Test
    void anyOfTheRunsTiedForBestIsAccepted() {
        Check highestLastAccuracy = Fixtures.check(BestRunCheck.TYPE,
                "{runs: [grid-1, grid-2, grid-3], metric: validationAccuracy, keyPrefix: grid.}");
        Map<String, RunEvidence> tied = Map.of(
                "grid-1", run("grid-1", 1e-3, 1e-4, 0.50, 0.90, 0.95),
                "grid-2", run("grid-2", 1e-2, 1e-4, 0.20, 0.95, 0.95),
                "grid-3", run("grid-3", 1e-2, 1e-3, 0.30, 0.97, 0.93));

        for (double learningRate : List.of(1e-3, 1e-2)) {
            CheckOutcome outcome = highestLastAccuracy.evaluate(Fixtures.evidence(tied,
                    Map.of("grid.learningRate", learningRate, "grid.weightDecay", 1e-4), Map.of()));

            assertEquals(1, outcome.fraction(), outcome.message());
        }
    }

    @Test
    void aRunWithoutWeightDecayHasAWeightDecayOfZero() {
        Map<String, RunEvidence> plain = Map.of("grid-1", run("grid-1", 1e-3, 0, 0.1, 0.9, 0.9),
                "grid-2", run("grid-2", 1e-2, 1e-4, 0.2, 0.9, 0.9), "grid-3", run("grid-3", 1e-2, 1e-3, 0.3, 0.9, 0.9));

        CheckOutcome outcome = lowestLastLoss.evaluate(Fixtures.evidence(plain,
                Map.of("best.learningRate", 1e-3, "best.weightDecay", 0.0), Map.of()));

        assertEquals(1, outcome.fraction(), outcome.message());
    }

    @Test
    void aMissingReportSaysHowToReport() {
        CheckOutcome outcome = lowestLastLoss.evaluate(Fixtures.evidence(runs, Map.of("best.learningRate", 1e-2),
                Map.of()));

        assertEquals("No value was reported for best.weightDecay: call ctx.report(\"best.weightDecay\", value) with "
                + "the hyperparameters of your best run.", outcome.message());
    }

    @Test
    void aRunThatWasNotRecordedFails() {
        CheckOutcome outcome = lowestLastLoss.evaluate(Fixtures.evidence(Map.of("grid-1", runs.get("grid-1")),
                Map.of("best.learningRate", 1e-3, "best.weightDecay", 1e-4), Map.of()));

        assertEquals("Run grid-2 recorded no epoch, so the best run cannot be found.", outcome.message());
    }

    @Test
    void aMetricOtherThanValidationAccuracyOrLossIsRefusedNamingTheField() {
        LabException error = assertThrows(LabException.class, () -> Fixtures.check(BestRunCheck.TYPE,
                "{runs: [grid-1], metric: trainingLoss}"));

        assertEquals("lab.yaml: field 'checks[0].params.metric' must be validationAccuracy or validationLoss",
                error.getMessage());
    }

    @Test
    void anUnknownEpochChoiceIsRefusedNamingTheField() {
        LabException error = assertThrows(LabException.class, () -> Fixtures.check(BestRunCheck.TYPE,
                "{runs: [grid-1], metric: validationLoss, at: first}"));

        assertEquals("lab.yaml: field 'checks[0].params.at' must be last or best", error.getMessage());
    }

    /** @return a run of three epochs: its accuracy peaks at the second, its loss ends at {@code lastLoss} */
    private static RunEvidence run(String name, double learningRate, double weightDecay, double lastLoss,
                                   double bestAccuracy, double lastAccuracy) {
        List<EpochRecord> epochs = List.of(new EpochRecord(1, 1.0, 1.0, 0.5, learningRate, 40, Double.NaN),
                new EpochRecord(2, 0.8, 0.8, bestAccuracy, learningRate, 40, Double.NaN),
                new EpochRecord(3, lastLoss, lastLoss, lastAccuracy, learningRate, 40, Double.NaN));
        return new RunEvidence(name, epochs, Fixtures.network(learningRate, weightDecay), null, null, null);
    }
}
