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
    void anUnknownSavedEpochIsRefused() {
        LabException error = assertThrows(LabException.class, () -> Fixtures.check(ConsistencyCheck.TYPE,
                "{runs: [A], savedEpoch: best}"));

        assertEquals("lab.yaml: field 'checks[0].params.savedEpoch' must be last or any", error.getMessage());
    }

    private CheckOutcome evaluate(Measurement measured) {
        return check.evaluate(evidence(measured));
    }

    private Evidence evidence(Measurement measured) {
        return Fixtures.evidence(Map.of("A", new RunEvidence("A", epochs, Fixtures.network("A"), null, measured,
                null)), Map.of(), Map.of());
    }
}
