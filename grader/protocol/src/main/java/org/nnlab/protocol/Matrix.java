package org.nnlab.protocol;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A dense float matrix, optionally with an integer label per row, and its file format: the magic {@code NNLM},
 * a format version, rows, columns, a label flag, then the values row-major and the labels, all big-endian.
 * Reading checks every size against the file, so a file written by untrusted code cannot make the reader
 * allocate more than the file holds.
 *
 * @param rows    number of rows
 * @param columns number of columns
 * @param values  {@code rows * columns} values, row-major
 * @param labels  one label per row, or null
 */
public record Matrix(int rows, int columns, float[] values, int[] labels) {
    private static final int MAGIC = 0x4e4e4c4d;
    private static final int VERSION = 1;
    private static final int HEADER_BYTES = 17;

    /** Checks that the arrays fit the shape. */
    public Matrix {
        if (rows < 0 || columns <= 0 || values.length != (long) rows * columns) {
            throw new IllegalArgumentException(values.length + " values do not make " + rows + " x " + columns);
        }
        if (labels != null && labels.length != rows) {
            throw new IllegalArgumentException(labels.length + " labels for " + rows + " rows");
        }
    }

    /** @return the value at one row and column */
    public float get(int row, int column) {
        return values[row * columns + column];
    }

    /** Writes this matrix to {@code file}, replacing it. */
    public void write(Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(rows);
            out.writeInt(columns);
            out.writeBoolean(labels != null);
            for (float v : values) {
                out.writeFloat(v);
            }
            if (labels != null) {
                for (int label : labels) {
                    out.writeInt(label);
                }
            }
        }
    }

    /**
     * @param file a matrix file
     * @return its content
     * @throws IOException when the file is missing, not a matrix file, or its sizes do not match its length
     */
    public static Matrix read(Path file) throws IOException {
        long length = Files.size(file);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (length < HEADER_BYTES || in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IOException(file + " is not an nnlab matrix file");
            }
            int rows = in.readInt();
            int columns = in.readInt();
            boolean labelled = in.readBoolean();
            long expected = HEADER_BYTES + 4L * rows * columns + (labelled ? 4L * rows : 0);
            if (rows < 0 || columns <= 0 || expected != length) {
                throw new IOException(file + " claims " + rows + " x " + columns + " values but holds " + length
                        + " bytes");
            }
            float[] values = new float[rows * columns];
            for (int i = 0; i < values.length; i++) {
                values[i] = in.readFloat();
            }
            int[] labels = null;
            if (labelled) {
                labels = new int[rows];
                for (int i = 0; i < rows; i++) {
                    labels[i] = in.readInt();
                }
            }
            return new Matrix(rows, columns, values, labels);
        }
    }
}
