package org.nnlab.harness;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.protocol.Matrix;

/** Conversions between protocol matrices and ND4J arrays. */
public final class Tensors {
    private Tensors() {
    }

    /** @return the features of {@code matrix} as a float32 {@code [rows, columns]} array */
    public static INDArray features(Matrix matrix) {
        return Nd4j.create(matrix.values(), new long[] {matrix.rows(), matrix.columns()}, DataType.FLOAT);
    }

    /** @return one-hot float32 {@code [rows, classes]} labels */
    public static INDArray oneHot(int[] labels, int classes) {
        return Nd4j.create(oneHotValues(labels, classes), new long[] {labels.length, classes}, DataType.FLOAT);
    }

    /** @return one-hot labels as a row-major Java array */
    public static float[] oneHotValues(int[] labels, int classes) {
        float[] values = new float[labels.length * classes];
        for (int row = 0; row < labels.length; row++) {
            values[row * classes + labels[row]] = 1f;
        }
        return values;
    }

    /** @return features and one-hot labels of a labelled matrix */
    public static DataSet dataSet(Matrix matrix, int classes) {
        return new DataSet(features(matrix), oneHot(matrix.labels(), classes));
    }

    /** @return an ND4J {@code [rows, columns]} array as a protocol matrix without labels */
    public static Matrix matrix(INDArray array) {
        INDArray floats = array.castTo(DataType.FLOAT);
        return new Matrix((int) floats.rows(), (int) floats.columns(), floats.dup('c').data().asFloat(), null);
    }
}
