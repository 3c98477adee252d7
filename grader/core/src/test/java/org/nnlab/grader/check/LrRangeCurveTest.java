package org.nnlab.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.protocol.EpochRecord;

class LrRangeCurveTest {

    @Test
    void theBiasCorrectedAverageFindsTheMinimumByHand() {
        // beta 0.5: s = 3, 2.333, 1.571, 3.4; the last stays below 4 * 1.571, so there is no divergence
        LrRangeCurve.Suggestion suggestion = curve(3, 2, 1, 5).suggest(new LrRangeCurve.Rule(0.5, 4, 10));

        assertEquals(new LrRangeCurve.Suggestion(2, 0.1, -1, 0.01), suggestion);
    }

    @Test
    void theCurveEndsWhereTheSmoothedLossExceedsTheDivergenceLimit() {
        // beta 0: s = the loss; 9 > 4 * 2 diverges at step 3, and the lower loss after it does not count
        LrRangeCurve.Suggestion suggestion = curve(3, 2, 2.5, 9, 0.5).suggest(new LrRangeCurve.Rule(0, 4, 10));

        assertEquals(new LrRangeCurve.Suggestion(1, 0.01, 3, 0.001), suggestion);
    }

    @Test
    void aNonFiniteLossEndsTheCurve() {
        LrRangeCurve.Suggestion suggestion = curve(3, 2, Double.NaN, 0.5).suggest(new LrRangeCurve.Rule(0, 4, 10));

        assertEquals(new LrRangeCurve.Suggestion(1, 0.01, 2, 0.001), suggestion);
    }

    @Test
    void aCurveThatStartsNonFiniteSuggestsNothing() {
        assertNull(curve(Double.POSITIVE_INFINITY, 1).suggest(new LrRangeCurve.Rule(0.98, 4, 10)));
    }

    /** @return steps with these losses at the rates 0.001, 0.01, 0.1, ... */
    private static LrRangeCurve curve(double... losses) {
        List<EpochRecord> steps = new ArrayList<>();
        for (int i = 0; i < losses.length; i++) {
            steps.add(new EpochRecord(i + 1, losses[i], 1, 0.5, Math.pow(10, i - 3), 1, Double.NaN));
        }
        return new LrRangeCurve(steps);
    }
}
