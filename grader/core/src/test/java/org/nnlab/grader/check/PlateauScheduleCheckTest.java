package org.nnlab.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnlab.protocol.EpochRecord;

class PlateauScheduleCheckTest {
    private final Check check = Fixtures.check(PlateauScheduleCheck.TYPE, "{run: B}");

    @Test
    void aFallAfterEpochsWithoutImprovementPasses() {
        CheckOutcome outcome = evaluate(curve(new double[] {1.0, 0.8, 0.7, 0.75, 0.72, 0.71, 0.6},
                new double[] {1e-3, 1e-3, 1e-3, 1e-3, 1e-3, 5e-4, 5e-4}));

        assertEquals(1, outcome.fraction(), outcome.message());
        assertEquals("Run B: the learning rate fell 1 time(s), from 0.001 to 0.0005, each time after an epoch without "
                + "improvement of the validation loss.", outcome.message());
    }

    @Test
    void aConstantRateIsReportedAsNoScheduler() {
        CheckOutcome outcome = evaluate(curve(new double[] {1.0, 0.8, 0.7, 0.75},
                new double[] {1e-3, 1e-3, 1e-3, 1e-3}));

        assertEquals(0, outcome.fraction());
        assertTrue(outcome.message().startsWith("Run B: the learning rate stayed at 0.001 for all 4 epochs; expected "
                + "ReduceLROnPlateau to lower it at least 1 time(s)."), outcome.message());
    }

    @Test
    void aFallRightAfterAnImprovementLooksLikeAFixedSchedule() {
        CheckOutcome outcome = evaluate(curve(new double[] {1.0, 0.8, 0.7, 0.6},
                new double[] {1e-3, 1e-3, 5e-4, 5e-4}));

        assertEquals(0, outcome.fraction());
        assertTrue(outcome.message().contains("fell to 0.0005 at epoch 3, right after epoch 2 improved the validation "
                + "loss to 0.8"), outcome.message());
    }

    @Test
    void aRisingRateFails() {
        CheckOutcome outcome = evaluate(curve(new double[] {1.0, 1.1, 1.2, 1.3},
                new double[] {1e-3, 1e-3, 5e-4, 1e-3}));

        assertTrue(outcome.message().contains("the learning rate rose from 0.0005 to 0.001 at epoch 4"),
                outcome.message());
    }

    private CheckOutcome evaluate(List<EpochRecord> epochs) {
        return check.evaluate(Fixtures.evidence(Map.of("B", new RunEvidence("B", epochs, null, null, null, null)),
                Map.of(), Map.of()));
    }

    private static List<EpochRecord> curve(double[] validationLoss, double[] rate) {
        List<EpochRecord> epochs = new java.util.ArrayList<>();
        for (int i = 0; i < rate.length; i++) {
            epochs.add(new EpochRecord(i + 1, 1.0 / (i + 1), validationLoss[i], 0.9, rate[i], 40, Double.NaN));
        }
        return epochs;
    }
}
