package org.nnlab.datasets.split;

import java.util.Arrays;
import org.nnlab.datasets.LabeledData;

/**
 * Splits rows into train, validation and test parts class by class, so that every part keeps the class
 * proportions of the whole.
 *
 * <p>The algorithm, fixed because golden fingerprints depend on it: one {@link SplitMix64} seeded with the seed;
 * for each class in ascending order, its row indices in ascending order are shuffled with Fisher-Yates, then the
 * first {@code n_train} go to train, the next {@code n_validation} to validation and the rest to test. The counts
 * come from the largest-remainder method: each part gets the floor of {@code fraction * classSize}, and the rows
 * left over go one each to the parts with the largest fractional remainders (ties to the earlier part). So each
 * count is within one row of its exact share.
 */
public final class StratifiedSplitter {
    private final SplitFractions fractions;
    private final long seed;

    /**
     * @param fractions size of each part
     * @param seed      the seed of the shuffle
     */
    public StratifiedSplitter(SplitFractions fractions, long seed) {
        this.fractions = fractions;
        this.seed = seed;
    }

    /**
     * @param labels     the class of each row
     * @param classCount number of classes; labels are {@code 0..classCount-1}
     * @return the split of rows {@code 0..labels.length-1}
     */
    public Split split(int[] labels, int classCount) {
        for (int label : labels) {
            if (label < 0 || label >= classCount) {
                throw new IllegalArgumentException("label " + label + " is outside 0.." + (classCount - 1));
            }
        }
        SplitMix64 random = new SplitMix64(seed);
        int[][] parts = new int[3][labels.length];
        int[] filled = new int[3];
        for (int label = 0; label < classCount; label++) {
            int[] rows = rowsOf(labels, label);
            random.shuffle(rows);
            int[] counts = counts(rows.length);
            int next = 0;
            for (int part = 0; part < 3; part++) {
                System.arraycopy(rows, next, parts[part], filled[part], counts[part]);
                next += counts[part];
                filled[part] += counts[part];
            }
        }
        return new Split(Arrays.copyOf(parts[0], filled[0]), Arrays.copyOf(parts[1], filled[1]),
                Arrays.copyOf(parts[2], filled[2]));
    }

    /** @return the split of the rows of {@code data} */
    public Split split(LabeledData data) {
        return split(data.labels(), data.classCount());
    }

    /** @return how many of {@code size} rows go to train, validation and test */
    int[] counts(int size) {
        SplitPart[] order = SplitPart.values();
        int[] counts = new int[3];
        double[] remainders = new double[3];
        int assigned = 0;
        for (int part = 0; part < 3; part++) {
            double share = fractions.of(order[part]) * size;
            counts[part] = (int) Math.floor(share + 1e-9);
            remainders[part] = share - counts[part];
            assigned += counts[part];
        }
        for (int left = size - assigned; left > 0; left--) {
            int best = 0;
            for (int part = 1; part < 3; part++) {
                if (remainders[part] > remainders[best] + 1e-12) {
                    best = part;
                }
            }
            counts[best]++;
            remainders[best] = -1;
        }
        return counts;
    }

    private static int[] rowsOf(int[] labels, int label) {
        return java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] == label).toArray();
    }
}
