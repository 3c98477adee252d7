package org.nnlab.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LabeledDataTest {
    private final LabeledData data = new LabeledData(new float[] {0, 1, 2, 3, 4, 5}, new int[] {0, 1, 1}, 2, 2);

    @Test
    void aSubsetKeepsTheRowsAskedForInTheirOrder() {
        LabeledData subset = data.subset(new int[] {2, 0});

        assertArrayEquals(new float[] {4, 5, 0, 1}, subset.features());
        assertArrayEquals(new int[] {1, 0}, subset.labels());
    }

    @Test
    void accessorsReturnCopiesSoTheDataCannotBeChanged() {
        data.features()[0] = 99;
        data.labels()[0] = 1;

        assertEquals(0f, data.row(0)[0]);
        assertEquals(0, data.label(0));
    }

    @Test
    void classCountsCountEachLabel() {
        assertArrayEquals(new int[] {1, 2}, data.classCounts());
    }

    @Test
    void aLabelOutsideTheClassesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LabeledData(new float[] {0, 1}, new int[] {2}, 2, 2));
    }

    @Test
    void featuresThatDoNotFillTheRowsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LabeledData(new float[] {0, 1, 2}, new int[] {0, 1}, 2, 2));
    }
}
