package org.nnlab.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnlab.grader.lab.LabException;
import org.nnlab.grader.network.NetworkDescription;
import org.nnlab.protocol.EpochRecord;

class ConsistencyCheckTest {
    private final Check check = Fixtures.check(ConsistencyCheck.TYPE, "{runs: [A]}");
    private final List<EpochRecord> epochs = Fixtures.epochs(40, e -> 1e-3);
    private final EpochRecord last = epochs.get(39);

    @Test
    void aLastEpochEqualToTheMeasurementPasses() {
        CheckOutcome outcome = evaluate(new Measurement(last.validationAccuracy(), last.validationLoss() + 5e-5));

        assertEquals(1, outcome.fraction());
        assertFalse(outcome.integrityFailure());
    }

    @Test
    void curvesThatDisagreeWithTheSavedNetworkAreAnIntegrityFailure() {
        CheckOutcome outcome = evaluate(new Measurement(0.5, 2.0));

        assertTrue(outcome.integrityFailure());
        assertTrue(outcome.message().startsWith("Integrity failure: run A recorded a final validation accuracy of 98%, "
                + "but its saved network measures 50%."), outcome.message());
    }

    @Test
    void aSavedLearningRateThatDiffersFromTheLastRecordedOneIsAnIntegrityFailure() {
        var network = Fixtures.network("B");
        CheckOutcome outcome = check.evaluate(Fixtures.evidence(Map.of("A", new RunEvidence("A", epochs, network,
                null, new Measurement(last.validationAccuracy(), last.validationLoss()), null)), Map.of(), Map.of()));

        assertTrue(outcome.integrityFailure());
        assertTrue(outcome.message().contains("recorded a final learning rate of 0.001, but its saved configuration "
                + "says 0.00025."), outcome.message());
    }

    @Test
    void aSavedLearningRateOneOfTheRunsOwnDecayStepsBelowTheLastRecordedOnePasses() {
        // the rate halved after epoch 20, and once more after the last epoch, as a plateau schedule may do
        List<EpochRecord> halved = Fixtures.epochs(40, e -> e <= 20 ? 1e-3 : 5e-4);

        assertFalse(evaluateWith(halved, 2.5e-4).integrityFailure());
        assertTrue(evaluateWith(halved, 1.25e-4).integrityFailure(), "two steps below");
        assertTrue(evaluateWith(Fixtures.epochs(40, e -> 5e-4), 2.5e-4).integrityFailure(), "a rate that never fell");
    }

    @Test
    void withSavedEpochAnyANetworkRestoredToAnEarlierEpochPasses() {
        EpochRecord earlier = epochs.get(11);
        Check restoring = Fixtures.check(ConsistencyCheck.TYPE, "{runs: [A], savedEpoch: any}");

        CheckOutcome outcome = restoring.evaluate(evidence(new Measurement(earlier.validationAccuracy(),
                earlier.validationLoss())));

        assertEquals(1, outcome.fraction(), outcome.message());
        assertEquals(0, evaluate(new Measurement(earlier.validationAccuracy(), earlier.validationLoss())).fraction(),
                "without it, only the last epoch is consistent");
    }

    @Test
    void withSavedEpochAnyANetworkOfNoRecordedEpochIsAnIntegrityFailure() {
        Check restoring = Fixtures.check(ConsistencyCheck.TYPE, "{runs: [A], savedEpoch: any}");

        CheckOutcome outcome = restoring.evaluate(evidence(new Measurement(0.5, 2.0)));

        assertTrue(outcome.integrityFailure());
        assertTrue(outcome.message().startsWith("Integrity failure: run A's saved network measures a validation "
                + "accuracy of 50% and loss 2, which matches none of its 40 recorded epochs."), outcome.message());
    }

    @Test
    void regularizationOnTheSavedConfigurationThatTheNetworkDidNotTrainWithIsAnIntegrityFailure() {
        CheckOutcome outcome = evaluateB(Fixtures.network("A"));

        assertTrue(outcome.integrityFailure());
        assertTrue(outcome.message().startsWith("Integrity failure: run B's saved configuration declares WeightDecay "
                + "0.0001 on layer 0, but it trained with no regularization (its configuration when its first epoch "
                + "was recorded): regularization put on the configuration after training did nothing."),
                outcome.message());
    }

    @Test
    void anUpdaterSwappedOnTheSavedConfigurationAfterTrainingIsAnIntegrityFailure() {
        CheckOutcome outcome = evaluateB(Fixtures.network("B", json -> {
            for (int i = 0; i < 3; i++) {
                ((ObjectNode) Fixtures.layer(json, i).get("iupdater")).put("@class",
                        "org.nd4j.linalg.learning.config.Sgd");
            }
        }));

        assertTrue(outcome.integrityFailure());
        assertTrue(outcome.message().contains("run B's saved configuration declares layer 0 as DenseLayer 64->128 "
                + "ReLU with Adam, but it trained as DenseLayer 64->128 ReLU with Sgd (its configuration when its "
                + "first epoch was recorded)."), outcome.message());
    }

    @Test
    void theRegularizationItTrainedWithKeptOnTheSavedConfigurationPasses() {
        CheckOutcome outcome = evaluateB(Fixtures.network("B"));

        assertEquals(1, outcome.fraction(), outcome.message());
    }

    @Test
    void aValidationPartFitFarBetterThanTheHiddenTestPartIsAnIntegrityFailure() {
        CheckOutcome outcome = evaluate(new Measurement(last.validationAccuracy(), last.validationLoss()),
                new Measurement(0.94, 0.15));

        assertTrue(outcome.integrityFailure());
        assertTrue(outcome.message().startsWith("Integrity failure: run A's saved network classifies 98% of the "
                + "validation part correctly (loss 0.03), far better than the hidden test part drawn from the same "
                + "data (its figures are for the instructor): it looks trained on the validation rows, which may "
                + "only measure it."), outcome.message());
        assertFalse(outcome.message().contains("94%"), "the hidden test accuracy stays hidden from the student");
    }

    @Test
    void validationRowsInTheFittedMinibatchesAreAnIntegrityFailure() {
        CheckOutcome outcome = check.evaluate(Fixtures.evidence(Map.of("A", new RunEvidence("A", epochs,
                Fixtures.network("A"), null, new Measurement(last.validationAccuracy(), last.validationLoss()), null,
                null, List.of(), null, 270)), Map.of(), Map.of()));

        assertTrue(outcome.integrityFailure());
        assertTrue(outcome.message().startsWith("Integrity failure: run A fitted 270 distinct rows of the validation "
                + "part in its minibatches: it trained on the validation rows, which may only measure it."),
                outcome.message());
    }

    @Test
    void aTestPartASamplingNoiseWorseThanTheValidationPartPasses() {
        CheckOutcome outcome = evaluate(new Measurement(last.validationAccuracy(), last.validationLoss()),
                new Measurement(0.955, 0.08));

        assertEquals(1, outcome.fraction(), outcome.message());
    }

    @Test
    void anUnknownSavedEpochIsRefused() {
        LabException error = assertThrows(LabException.class, () -> Fixtures.check(ConsistencyCheck.TYPE,
                "{runs: [A], savedEpoch: best}"));

        assertEquals("lab.yaml: field 'checks[0].params.savedEpoch' must be last or any", error.getMessage());
    }

    @Test
    void everyEpochEqualToTheMeasurementOfItsKeptWeightsPasses() {
        CheckOutcome outcome = evaluateWithKeptWeights(new EpochMeasurements(measuredAgain(epochs), 17_226, null));

        assertEquals(1, outcome.fraction(), outcome.message());
    }

    @Test
    void anEarlierEpochThatDisagreesWithItsKeptWeightsIsAnIntegrityFailureNamingIt() {
        List<Measurement> again = new java.util.ArrayList<>(measuredAgain(epochs));
        EpochRecord forged = epochs.get(6);
        again.set(6, new Measurement(forged.validationAccuracy() - 0.1, forged.validationLoss() + 0.4));

        CheckOutcome outcome = evaluateWithKeptWeights(new EpochMeasurements(again, 17_226, null));

        assertTrue(outcome.integrityFailure());
        assertTrue(outcome.message().startsWith("Integrity failure: run A recorded a validation accuracy of "
                + Numbers.percent(forged.validationAccuracy()) + " and loss " + Numbers.show(forged.validationLoss())
                + " at epoch 7, but its weights at that epoch's end measure "), outcome.message());
    }

    @Test
    void weightsKeptOfFewerEpochsThanRecordedAreAnIntegrityFailure() {
        CheckOutcome outcome = evaluateWithKeptWeights(new EpochMeasurements(measuredAgain(epochs.subList(0, 39)),
                17_226, null));

        assertTrue(outcome.integrityFailure());
        assertTrue(outcome.message().contains("run A recorded 40 epochs, but the harness kept its weights at the "
                + "end of 39 epochs instead of 40."), outcome.message());
    }

    @Test
    void aNetworkTooLargeToKeepEveryEpochIsCheckedOnTheEpochsKept() {
        long parameters = org.nnlab.protocol.TrainingJob.MAX_WEIGHTS_BYTES / 4 / 10;

        CheckOutcome outcome = evaluateWithKeptWeights(new EpochMeasurements(measuredAgain(epochs.subList(0, 10)),
                parameters, null));

        assertEquals(1, outcome.fraction(), outcome.message());
    }

    @Test
    void keptWeightsThatCouldNotBeMeasuredAreAnIntegrityFailure() {
        CheckOutcome outcome = evaluateWithKeptWeights(EpochMeasurements.failed("the weights file holds 20 bytes"));

        assertTrue(outcome.integrityFailure());
        assertTrue(outcome.message().contains("run A's weights at each epoch's end could not be measured again (the "
                + "weights file holds 20 bytes)."), outcome.message());
    }

    private CheckOutcome evaluateWithKeptWeights(EpochMeasurements kept) {
        return check.evaluate(Fixtures.evidence(Map.of("A", new RunEvidence("A", epochs, Fixtures.network("A"), null,
                new Measurement(last.validationAccuracy(), last.validationLoss()), null, null, List.of(), null, 0,
                kept)), Map.of(), Map.of()));
    }

    private CheckOutcome evaluateWith(List<EpochRecord> recorded, double savedRate) {
        EpochRecord end = recorded.get(recorded.size() - 1);
        return check.evaluate(Fixtures.evidence(Map.of("A", new RunEvidence("A", recorded,
                Fixtures.network(savedRate, 1e-4), null, new Measurement(end.validationAccuracy(),
                end.validationLoss()), null)), Map.of(), Map.of()));
    }

    private static List<Measurement> measuredAgain(List<EpochRecord> recorded) {
        return recorded.stream().map(epoch -> new Measurement(epoch.validationAccuracy(), epoch.validationLoss()))
                .toList();
    }

    private CheckOutcome evaluate(Measurement measured) {
        return check.evaluate(evidence(measured));
    }

    private CheckOutcome evaluate(Measurement validation, Measurement test) {
        return check.evaluate(Fixtures.evidence(Map.of("A", new RunEvidence("A", epochs, Fixtures.network("A"), null,
                validation, test)), Map.of(), Map.of()));
    }

    /** @return run B, saved with its reference configuration, judged with the configuration it trained with */
    private CheckOutcome evaluateB(NetworkDescription trained) {
        List<EpochRecord> slower = Fixtures.epochs(40, e -> 0.00025);
        EpochRecord end = slower.get(39);
        return Fixtures.check(ConsistencyCheck.TYPE, "{runs: [B]}").evaluate(Fixtures.evidence(Map.of("B",
                new RunEvidence("B", slower, Fixtures.network("B"), null, new Measurement(end.validationAccuracy(),
                        end.validationLoss()), null, null, List.of(), trained, 0)), Map.of(), Map.of()));
    }

    private Evidence evidence(Measurement measured) {
        return Fixtures.evidence(Map.of("A", new RunEvidence("A", epochs, Fixtures.network("A"), null, measured,
                null)), Map.of(), Map.of());
    }
}
