package org.nnlab.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnlab.grader.lab.LabException;
import org.nnlab.protocol.EpochRecord;

class EarlyStoppingCheckTest {
    private final Check check = Fixtures.check(EarlyStoppingCheck.TYPE, "{run: A, patience: 3, maxEpochs: 8}");

    @Test
    void stoppingWhenPatienceRunsOutWithTheBestWeightsRestoredPasses() {
        List<EpochRecord> epochs = Fixtures.curve(1.0, 0.8, 0.6, 0.65, 0.6, 0.7);

        CheckOutcome outcome = evaluate(epochs, savedAs(epochs.get(2)));

        assertEquals(1, outcome.fraction(), outcome.message());
        assertEquals("Run A stopped at epoch 6, 3 epochs after its best validation loss (0.6, epoch 3), and its saved "
                + "network has that best loss: the best weights were restored.", outcome.message());
        assertFalse(outcome.integrityFailure());
    }

    @Test
    void trainingToMaxEpochsWhilePatienceNeverRunsOutPasses() {
        List<EpochRecord> epochs = Fixtures.curve(1.0, 0.9, 0.95, 0.85, 0.9, 0.8, 0.82, 0.81);

        CheckOutcome outcome = evaluate(epochs, savedAs(epochs.get(5)));

        assertEquals(1, outcome.fraction(), outcome.message());
        assertTrue(outcome.message().startsWith("Run A stopped at epoch 8, the last allowed epoch"), outcome.message());
    }

    @Test
    void trainingOnAfterPatienceRanOutLosesTheStoppingHalf() {
        List<EpochRecord> epochs = Fixtures.curve(1.0, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0, 1.1);

        CheckOutcome outcome = evaluate(epochs, savedAs(epochs.get(1)));

        assertEquals(0.5, outcome.fraction());
        assertTrue(outcome.message().startsWith("Run A stopped at epoch 8; its validation loss last improved at "
                + "epoch 2 (0.6), so patience (3 epochs) ran out at epoch 5."), outcome.message());
    }

    @Test
    void stoppingBeforePatienceRanOutLosesTheStoppingHalf() {
        List<EpochRecord> epochs = Fixtures.curve(1.0, 0.6, 0.7, 0.8);

        CheckOutcome outcome = evaluate(epochs, savedAs(epochs.get(1)));

        assertEquals(0.5, outcome.fraction());
        assertTrue(outcome.message().startsWith("Run A stopped at epoch 4; its validation loss last improved at "
                + "epoch 2 (0.6), only 2 epoch(s) earlier; expected it to go on until 3 epochs in a row do not "
                + "improve"),
                outcome.message());
    }

    @Test
    void trainingPastMaxEpochsLosesTheStoppingHalf() {
        List<EpochRecord> epochs = Fixtures.curve(1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2);

        CheckOutcome outcome = evaluate(epochs, savedAs(epochs.get(8)));

        assertEquals(0.5, outcome.fraction());
        assertEquals("Run A stopped at epoch 9; at most 8 epochs are allowed.", outcome.message());
    }

    @Test
    void savingTheLastWeightsInsteadOfTheBestLosesTheRestoringHalf() {
        List<EpochRecord> epochs = Fixtures.curve(1.0, 0.8, 0.6, 0.65, 0.6, 0.7);

        CheckOutcome outcome = evaluate(epochs, savedAs(epochs.get(5)));

        assertEquals(0.5, outcome.fraction());
        assertTrue(outcome.message().startsWith("Run A's saved network has a validation loss of 0.7 (measured by the "
                + "grader), but the best recorded one is 0.6 (epoch 3): it is the network of epoch 6, the last one: "
                + "the best weights were not restored."), outcome.message());
        assertFalse(outcome.integrityFailure(), "not restoring is a mistake, not tampering");
    }

    @Test
    void aSavedNetworkOfNoRecordedEpochLosesTheRestoringHalf() {
        List<EpochRecord> epochs = Fixtures.curve(1.0, 0.8, 0.6, 0.65, 0.6, 0.7);

        CheckOutcome outcome = evaluate(epochs, new Measurement(0.5, 2.5));

        assertEquals(0.5, outcome.fraction());
        assertTrue(outcome.message().contains("and it matches no recorded epoch."), outcome.message());
    }

    @Test
    void aRunWithoutASavedNetworkCannotShowItsRestoredWeights() {
        List<EpochRecord> epochs = Fixtures.curve(1.0, 0.8, 0.6, 0.65, 0.6, 0.7);

        CheckOutcome outcome = check.evaluate(Fixtures.evidence(Map.of("A", new RunEvidence("A", epochs, null,
                "the network could not be saved", null, null)), Map.of(), Map.of()));

        assertEquals(0.5, outcome.fraction());
        assertEquals("Run A has no saved network the grader could measure (the network could not be saved).",
                outcome.message());
    }

    @Test
    void aPatienceOfAtLeastMaxEpochsIsRefused() {
        LabException error = assertThrows(LabException.class, () -> Fixtures.check(EarlyStoppingCheck.TYPE,
                "{run: A, patience: 8, maxEpochs: 8}"));

        assertEquals("lab.yaml: field 'checks[0].params.patience' must be less than maxEpochs", error.getMessage());
    }

    @Test
    void aMissingPatienceIsRefused() {
        LabException error = assertThrows(LabException.class, () -> Fixtures.check(EarlyStoppingCheck.TYPE,
                "{run: A, maxEpochs: 8}"));

        assertEquals("lab.yaml: field 'checks[0].params.patience' is missing", error.getMessage());
    }

    private CheckOutcome evaluate(List<EpochRecord> epochs, Measurement saved) {
        return check.evaluate(Fixtures.evidence(Map.of("A", new RunEvidence("A", epochs, null, null, saved, null)),
                Map.of(), Map.of()));
    }

    /** @return what the grader measures of the network saved at {@code epoch} */
    private static Measurement savedAs(EpochRecord epoch) {
        return new Measurement(epoch.validationAccuracy(), epoch.validationLoss() + 3e-5);
    }
}
