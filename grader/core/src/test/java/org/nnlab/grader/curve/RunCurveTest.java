package org.nnlab.grader.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.grader.curve.RunCurve.Fit;

class RunCurveTest {

    @Test
    void aValidationLossThatRisesWhileTheTrainingLossFallsOverfitsFromAfterItsLowest() {
        RunCurve.Fitting fitting = Runs.modelA().fitting();

        assertEquals(Fit.OVERFITS, fitting.fit());
        assertEquals(13, fitting.fromEpoch());
    }

    @Test
    void oneNoisyLastEpochIsNoRise() {
        RunCurve noisy = Runs.run("C", e -> 0.5 / e, e -> e == 40 ? 0.066 : 0.06 + 0.5 / e / e, e -> 0.97,
                e -> 1e-3);

        assertTrue(noisy.last().validationLoss() > 1.05 * noisy.best().validationLoss());
        assertTrue(noisy.rise() < RunCurve.RISE, () -> "rise " + noisy.rise());
    }

    @Test
    void aValidationLossFarAboveTheTrainingLossOverfitsEvenWhileFlat() {
        RunCurve memorizing = Runs.run("C", e -> 0.006 + 0.3 / e, e -> 0.05 + 0.3 / e, e -> 0.97, e -> 1e-3);

        RunCurve.Fitting fitting = memorizing.fitting();

        assertEquals(Fit.OVERFITS, fitting.fit(), fitting.evidence());
        assertTrue(fitting.evidence().contains("stays above 3 times its training loss"), fitting.evidence());
    }

    @Test
    void aTrainingLossThatStaysHighUnderfits() {
        RunCurve stuck = Runs.run("C", e -> 2.3 - 0.01 * e, e -> 2.3 - 0.01 * e, e -> 0.1, e -> 1e-5);

        assertEquals(Fit.UNDERFITS, stuck.fitting().fit());
        assertEquals("its training loss only went from 2.29 to 1.9", stuck.fitting().evidence());
    }

    @Test
    void aRegularizedRunThatLevelsOffFits() {
        RunCurve levels = Runs.run("C", e -> 0.08 + 0.5 / e, e -> 0.06 + 0.5 / e / e, e -> 0.98, e -> 1e-3);

        assertEquals(Fit.FITS, levels.fitting().fit(), levels.fitting().evidence());
    }

    @Test
    void learningRateDropsListTheEpochsAndRates() {
        assertEquals(List.of(new RunCurve.RateDrop(20, 1e-3, 5e-4), new RunCurve.RateDrop(31, 5e-4, 2.5e-4)),
                Runs.modelB().learningRateDrops());
    }
}
