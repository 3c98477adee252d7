package org.nnlab.datasets;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/** The layouts of data files nnlab can read. */
public enum DatasetFormat {
    /** Gzip-compressed CSV without header: the features of one example, then its integer label, per line. */
    CSV_GZIP_LABEL_LAST {
        @Override
        public LabeledData parse(byte[] content, String file, DatasetSpec spec) throws IOException {
            int width = spec.features() + 1;
            float[] x = new float[spec.rows() * spec.features()];
            int[] y = new int[spec.rows()];
            try (BufferedReader in = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(new ByteArrayInputStream(content)), StandardCharsets.US_ASCII))) {
                int row = 0;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.isBlank()) {
                        continue;
                    }
                    if (row == spec.rows()) {
                        throw malformed(file, row + 1, "more than the expected " + spec.rows() + " rows");
                    }
                    String[] cells = line.split(",");
                    if (cells.length != width) {
                        throw malformed(file, row + 1, cells.length + " values, expected " + width);
                    }
                    for (int j = 0; j < spec.features(); j++) {
                        x[row * spec.features() + j] = number(cells[j], file, row);
                    }
                    float label = number(cells[spec.features()], file, row);
                    if (label != Math.rint(label) || label < 0 || label >= spec.classes()) {
                        throw malformed(file, row + 1, "label " + cells[spec.features()] + " is not in 0.."
                                + (spec.classes() - 1));
                    }
                    y[row++] = (int) label;
                }
                if (row != spec.rows()) {
                    throw malformed(file, row, "only " + row + " rows, expected " + spec.rows());
                }
            }
            return new LabeledData(x, y, spec.features(), spec.classes());
        }
    };

    /**
     * Parses the content of a data file already verified against its checksum.
     *
     * @param content the bytes of the file
     * @param file    the file's name or path, for messages
     * @param spec    the catalog entry giving the expected shape
     * @return the examples in file order
     * @throws IOException when the content cannot be decompressed
     * @throws DatasetException when the content does not have the expected shape
     */
    public abstract LabeledData parse(byte[] content, String file, DatasetSpec spec) throws IOException;

    private static float number(String cell, String file, int row) {
        try {
            return Float.parseFloat(cell.trim());
        } catch (NumberFormatException e) {
            throw malformed(file, row + 1, "'" + cell + "' is not a number");
        }
    }

    private static DatasetException malformed(String file, int line, String problem) {
        return new DatasetException("Data file " + file + " is malformed at line " + line + ": " + problem + ".");
    }
}
