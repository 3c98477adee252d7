package org.nnlab.datasets.scaling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nnlab.datasets.LabeledData;

class MaxScalerTest {

    @Test
    void featuresAreDividedByTheMaximumAndLabelsKept() {
        LabeledData data = new LabeledData(new float[] {0, 4, 8, 16}, new int[] {0, 1}, 2, 2);

        LabeledData scaled = new MaxScaler(16).apply(data);

        assertArrayEquals(new float[] {0, 0.25f, 0.5f, 1}, scaled.features());
        assertArrayEquals(new int[] {0, 1}, scaled.labels());
    }

    @Test
    void aMaximumThatIsNotPositiveIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MaxScaler(0));
        assertThrows(IllegalArgumentException.class, () -> new MaxScaler(Double.NaN));
    }
}
