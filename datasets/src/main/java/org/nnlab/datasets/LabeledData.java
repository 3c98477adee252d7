package org.nnlab.datasets;

import java.util.Arrays;

/**
 * Examples with integer class labels, held as one row-major {@code float} array so that minibatches can be cut
 * without per-row objects. Immutable: every accessor returns a copy or a new instance.
 */
public final class LabeledData {
    private final float[] features;
    private final int[] labels;
    private final int featureCount;
    private final int classCount;

    /**
     * @param features     row-major features, {@code labels.length * featureCount} values
     * @param labels       class of each row, in {@code 0..classCount-1}
     * @param featureCount features per row
     * @param classCount   number of classes
     */
    public LabeledData(float[] features, int[] labels, int featureCount, int classCount) {
        if (featureCount <= 0 || classCount <= 1) {
            throw new IllegalArgumentException("featureCount must be > 0 and classCount > 1");
        }
        if (features.length != labels.length * featureCount) {
            throw new IllegalArgumentException(features.length + " feature values do not make " + labels.length
                    + " rows of " + featureCount);
        }
        for (int label : labels) {
            if (label < 0 || label >= classCount) {
                throw new IllegalArgumentException("label " + label + " is outside 0.." + (classCount - 1));
            }
        }
        this.features = features.clone();
        this.labels = labels.clone();
        this.featureCount = featureCount;
        this.classCount = classCount;
    }

    /** @return number of examples */
    public int rows() {
        return labels.length;
    }

    /** @return features per example */
    public int featureCount() {
        return featureCount;
    }

    /** @return number of classes */
    public int classCount() {
        return classCount;
    }

    /** @return the label of one example */
    public int label(int row) {
        return labels[row];
    }

    /** @return a copy of all labels, in row order */
    public int[] labels() {
        return labels.clone();
    }

    /** @return a copy of the features of one example */
    public float[] row(int row) {
        return Arrays.copyOfRange(features, row * featureCount, (row + 1) * featureCount);
    }

    /** @return a copy of all features, row-major */
    public float[] features() {
        return features.clone();
    }

    /** @return how many examples each class has, indexed by class */
    public int[] classCounts() {
        int[] counts = new int[classCount];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /**
     * @param rows indices of the examples to keep, in the order wanted
     * @return a new data set holding those examples
     */
    public LabeledData subset(int[] rows) {
        float[] x = new float[rows.length * featureCount];
        int[] y = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(features, rows[i] * featureCount, x, i * featureCount, featureCount);
            y[i] = labels[rows[i]];
        }
        return new LabeledData(x, y, featureCount, classCount);
    }

    /**
     * @param newFeatures row-major features of the same shape
     * @return the same labels with other features, e.g. after scaling
     */
    public LabeledData withFeatures(float[] newFeatures) {
        return new LabeledData(newFeatures, labels, featureCount, classCount);
    }
}
