package org.nnlab.harness.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

class ShuffledBatchesTest {
    private static final int ROWS = 10;
    private final float[] features = features();
    private final int[] labels = IntStream.range(0, ROWS).map(i -> i % 3).toArray();

    @Test
    void anEpochVisitsEveryRowOnceInBatchesOfTheAskedSize() {
        ShuffledBatches batches = new ShuffledBatches(features, labels, 2, 3, 4, 42, fitted -> { });

        List<Integer> sizes = new ArrayList<>();
        List<Float> rows = new ArrayList<>();
        while (batches.hasNext()) {
            DataSet batch = batches.next();
            sizes.add((int) batch.numExamples());
            for (int i = 0; i < batch.numExamples(); i++) {
                rows.add(batch.getFeatures().getFloat(i, 0));
                assertEquals(1f, batch.getLabels().getRow(i).sumNumber().floatValue(), "one-hot label");
            }
        }

        assertEquals(List.of(4, 4, 2), sizes);
        assertArrayEquals(IntStream.range(0, ROWS).mapToDouble(i -> i).toArray(),
                rows.stream().mapToDouble(Float::doubleValue).sorted().toArray());
    }

    @Test
    void theOrderIsReshuffledAtEachResetAndRepeatsForTheSameSeed() {
        List<Float> first = order(new ShuffledBatches(features, labels, 2, 3, ROWS, 7, fitted -> { }), 2);
        List<Float> again = order(new ShuffledBatches(features, labels, 2, 3, ROWS, 7, fitted -> { }), 2);

        assertEquals(first, again);
        assertFalse(first.subList(0, ROWS).equals(first.subList(ROWS, 2 * ROWS)), "the second epoch is reshuffled");
    }

    @Test
    void aBatchSizeThatIsNotPositiveIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new ShuffledBatches(features, labels, 2, 3, 0, 1, fitted -> { }));
    }

    private static List<Float> order(ShuffledBatches batches, int epochs) {
        List<Float> rows = new ArrayList<>();
        for (int epoch = 0; epoch < epochs; epoch++) {
            while (batches.hasNext()) {
                DataSet batch = batches.next();
                for (int i = 0; i < batch.numExamples(); i++) {
                    rows.add(batch.getFeatures().getFloat(i, 0));
                }
            }
            batches.reset();
        }
        return rows;
    }

    private static float[] features() {
        float[] values = new float[ROWS * 2];
        for (int i = 0; i < ROWS; i++) {
            values[2 * i] = i;
            values[2 * i + 1] = -i;
        }
        return values;
    }
}
