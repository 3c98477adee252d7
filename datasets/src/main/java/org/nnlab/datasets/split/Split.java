package org.nnlab.datasets.split;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.nnlab.datasets.LabeledData;
import org.nnlab.datasets.obtain.Checksums;

/**
 * Row indices of the three parts of a data set, each sorted ascending. The parts are disjoint and together
 * cover every row. Immutable: accessors return copies.
 */
public final class Split {
    private final int[] train;
    private final int[] validation;
    private final int[] test;

    /**
     * @param train      rows of the training part
     * @param validation rows of the validation part
     * @param test       rows of the test part
     */
    public Split(int[] train, int[] validation, int[] test) {
        this.train = sorted(train);
        this.validation = sorted(validation);
        this.test = sorted(test);
    }

    /** @return the sorted row indices of one part */
    public int[] indices(SplitPart part) {
        return switch (part) {
            case TRAIN -> train.clone();
            case VALIDATION -> validation.clone();
            case TEST -> test.clone();
        };
    }

    /** @return the rows of one part of {@code data}, in ascending row order */
    public LabeledData part(LabeledData data, SplitPart part) {
        return data.subset(indices(part));
    }

    /** @return the number of rows in one part */
    public int size(SplitPart part) {
        return switch (part) {
            case TRAIN -> train.length;
            case VALIDATION -> validation.length;
            case TEST -> test.length;
        };
    }

    /**
     * A SHA-256 over the three index lists (each as its length, then its indices, as big-endian 32-bit integers),
     * so that a change of algorithm or seed handling shows up as a different value.
     *
     * @return lower-case hex fingerprint
     */
    public String fingerprint() {
        ByteBuffer buffer = ByteBuffer.allocate(4 * (3 + train.length + validation.length + test.length));
        for (int[] part : new int[][] {train, validation, test}) {
            buffer.putInt(part.length);
            for (int index : part) {
                buffer.putInt(index);
            }
        }
        return Checksums.sha256(buffer.array());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Split s && Arrays.equals(train, s.train) && Arrays.equals(validation, s.validation)
                && Arrays.equals(test, s.test);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(train) + Arrays.hashCode(validation)) + Arrays.hashCode(test);
    }

    @Override
    public String toString() {
        return "Split[train=" + train.length + ", validation=" + validation.length + ", test=" + test.length + "]";
    }

    private static int[] sorted(int[] indices) {
        int[] copy = indices.clone();
        Arrays.sort(copy);
        return copy;
    }
}
