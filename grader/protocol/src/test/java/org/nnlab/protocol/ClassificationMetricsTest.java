package org.nnlab.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {
    private final Matrix probabilities = new Matrix(3, 2, new float[] {0.9f, 0.1f, 0.2f, 0.8f, 0.6f, 0.4f}, null);

    @Test
    void accuracyCountsTheMostProbableClass() {
        assertEquals(2.0 / 3, ClassificationMetrics.accuracy(probabilities, new int[] {0, 1, 1}), 1e-12);
    }

    @Test
    void crossEntropyIsTheMeanNegativeLogProbabilityOfTheTrueClass() {
        double expected = -(Math.log(0.9f) + Math.log(0.8f) + Math.log(0.4f)) / 3;

        assertEquals(expected, ClassificationMetrics.meanCrossEntropy(probabilities, new int[] {0, 1, 1}), 1e-9);
    }

    @Test
    void aZeroProbabilityCostsAFiniteAmountAndNanStaysNan() {
        Matrix certainAndWrong = new Matrix(1, 2, new float[] {1, 0}, null);
        Matrix diverged = new Matrix(1, 2, new float[] {Float.NaN, Float.NaN}, null);

        assertEquals(-Math.log(1e-7), ClassificationMetrics.meanCrossEntropy(certainAndWrong, new int[] {1}), 1e-9);
        assertTrue(Double.isNaN(ClassificationMetrics.meanCrossEntropy(diverged, new int[] {1})));
        assertEquals(0, ClassificationMetrics.accuracy(diverged, new int[] {1}));
    }
}
