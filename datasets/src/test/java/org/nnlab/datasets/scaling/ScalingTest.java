package org.nnlab.datasets.scaling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nnlab.datasets.DatasetFormat;
import org.nnlab.datasets.DatasetSpec;
import org.nnlab.datasets.LabeledData;

class ScalingTest {
    private final DatasetSpec spec = new DatasetSpec("tiny", null, "tiny.csv.gz", "0".repeat(64), 1,
            DatasetFormat.CSV_GZIP_LABEL_LAST, 2, 1, 2, 4, new DatasetSpec.Sources(null, null, null, null, null));
    private final LabeledData training = new LabeledData(new float[] {1, 3}, new int[] {0, 1}, 1, 2);

    @Test
    void namesAreReadInAnyCase() {
        assertEquals(Scaling.MAX, Scaling.parse("max"));
        assertEquals(Scaling.STANDARDIZE, Scaling.parse("Standardize"));
        assertEquals(Scaling.NONE, Scaling.parse("NONE"));
    }

    @Test
    void anUnknownNameIsRefusedWithTheKnownOnes() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Scaling.parse("minmax"));

        assertEquals("unknown scaling 'minmax': must be one of max, standardize, none", error.getMessage());
    }

    @Test
    void eachScalingFitsItsScaler() {
        assertArrayEquals(new float[] {0.25f, 0.75f}, Scaling.MAX.fit(spec, training).apply(training).features());
        assertArrayEquals(new float[] {-1, 1}, Scaling.STANDARDIZE.fit(spec, training).apply(training).features());
        assertArrayEquals(new float[] {1, 3}, Scaling.NONE.fit(spec, training).apply(training).features());
    }
}
