package org.nnlab.datasets.scaling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nnlab.datasets.LabeledData;

class StandardizerTest {
    private final LabeledData training = new LabeledData(new float[] {1, 5, 3, 5}, new int[] {0, 1}, 2, 2);

    @Test
    void statisticsComeFromTheTrainingPartOnly() {
        Standardizer standardizer = Standardizer.fit(training);

        assertArrayEquals(new double[] {2, 5}, standardizer.means(), 1e-12);
        assertArrayEquals(new double[] {1, 1}, standardizer.deviations(), 1e-12);
    }

    @Test
    void otherPartsAreScaledWithTheTrainingStatistics() {
        LabeledData validation = new LabeledData(new float[] {10, 5}, new int[] {1}, 2, 2);

        LabeledData scaled = Standardizer.fit(training).apply(validation);

        assertArrayEquals(new float[] {8, 0}, scaled.features(), 1e-6f);
    }

    @Test
    void trainingFeaturesGetMeanZeroAndUnitDeviationAndConstantOnesAreOnlyCentred() {
        LabeledData scaled = Standardizer.fit(training).apply(training);

        assertArrayEquals(new float[] {-1, 0, 1, 0}, scaled.features(), 1e-6f);
    }

    @Test
    void aDifferentNumberOfFeaturesIsRefused() {
        LabeledData wide = new LabeledData(new float[] {1, 2, 3}, new int[] {0}, 3, 2);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Standardizer.fit(training).apply(wide));

        assertEquals("fitted on 2 features, got 3", error.getMessage());
    }
}
