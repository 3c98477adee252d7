package org.nnlab.harness.train;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Which rows of a part the network must not train on (the validation part) appeared in the minibatches it fitted,
 * compared by their feature values.
 */
final class FittedRows {
    private final Map<Row, Integer> rows = new HashMap<>();
    private final BitSet fitted = new BitSet();
    private final int columns;
    private final java.util.Set<float[]> readArrays =
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /** @param features the rows to watch for, {@code [rows, columns]} */
    FittedRows(INDArray features) {
        this.columns = (int) features.columns();
        float[] values = values(features);
        for (int offset = 0; offset + columns <= values.length; offset += columns) {
            rows.putIfAbsent(new Row(Arrays.copyOfRange(values, offset, offset + columns)), offset / columns);
        }
    }

    /** Notes the watched rows among a fitted minibatch's features; anything that is not such a matrix is ignored. */
    void fitted(INDArray features) {
        if (features == null || features.rank() != 2 || features.columns() != columns) {
            return;
        }
        note(values(features));
    }

    /**
     * Notes the watched rows among rows fitted in the fast loop, given row after row; each array is read once,
     * since every epoch fits all of its rows.
     */
    void fitted(float[] values, int width) {
        if (width == columns && readArrays.add(values)) {
            note(values);
        }
    }

    private void note(float[] values) {
        for (int offset = 0; offset + columns <= values.length; offset += columns) {
            Integer row = rows.get(new Row(Arrays.copyOfRange(values, offset, offset + columns)));
            if (row != null) {
                fitted.set(row);
            }
        }
    }

    /** @return how many distinct watched rows were fitted */
    int count() {
        return fitted.cardinality();
    }

    private static float[] values(INDArray features) {
        return features.castTo(DataType.FLOAT).dup('c').data().asFloat();
    }

    /** One row's feature values, equal to another with the same values. */
    private record Row(float[] values) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Row row && Arrays.equals(values, row.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return Arrays.toString(values);
        }
    }
}
