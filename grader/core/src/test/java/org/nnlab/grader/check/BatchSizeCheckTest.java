package org.nnlab.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnlab.grader.lab.LabException;
import org.nnlab.protocol.EpochRecord;

class BatchSizeCheckTest {
    private final Check check = Fixtures.check(BatchSizeCheck.TYPE, "{run: b256, batchSize: 256}");

    @Test
    void epochsOfCeilNOverBMinibatchesPass() {
        CheckOutcome outcome = check.evaluate(evidence(5, 5, 5));

        assertEquals(1, outcome.fraction(), outcome.message());
        assertEquals("Run b256 trained every epoch in 5 minibatches of 256 (1258 training examples).",
                outcome.message());
    }

    @Test
    void theBatchSizeOfAnotherRunFailsNamingWhatItWas() {
        CheckOutcome outcome = check.evaluate(evidence(5, 40, 5));

        assertEquals(0, outcome.fraction());
        assertEquals("Run b256, epoch 2: 40 minibatch updates; 1258 training examples in minibatches of 256 make 5 per "
                + "epoch. That is a batch size of about 32: pass 256 to ctx.trainingBatches(...) and fit one pass over "
                + "it per epoch.", outcome.message());
    }

    @Test
    void aRunThatWasNeverTrackedFails() {
        assertEquals("Run b256 recorded no epoch whose minibatches could be counted.",
                check.evaluate(Fixtures.evidence(Map.of(), Map.of(), Map.of())).message());
    }

    @Test
    void aBatchSizeOfZeroIsRefusedNamingTheFileAndField() {
        LabException error = assertThrows(LabException.class,
                () -> Fixtures.check(BatchSizeCheck.TYPE, "{run: b256, batchSize: 0}"));

        assertEquals("lab.yaml: field 'checks[0].params.batchSize' must be an integer of at least 1",
                error.getMessage());
    }

    /** @return run b256 with epochs of these minibatch counts, over the fixtures' 1258 training examples */
    private static Evidence evidence(int... minibatches) {
        List<EpochRecord> epochs = new ArrayList<>();
        for (int i = 0; i < minibatches.length; i++) {
            epochs.add(new EpochRecord(i + 1, 1.0 / (i + 1), 1.0 / (i + 1), 0.9, 0.01, minibatches[i], Double.NaN));
        }
        return Fixtures.evidence(Map.of("b256", new RunEvidence("b256", epochs, null, null, null, null)), Map.of(),
                Map.of());
    }
}
