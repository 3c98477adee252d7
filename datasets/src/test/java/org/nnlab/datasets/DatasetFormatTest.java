package org.nnlab.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class DatasetFormatTest {
    private static final DatasetSpec TINY = new DatasetSpec("tiny", "Tiny", "tiny.csv.gz", "0".repeat(64), 10,
            DatasetFormat.CSV_GZIP_LABEL_LAST, 3, 2, 2, 4, new DatasetSpec.Sources(null, null, null, null, null));

    @Test
    void rowsAreReadAsFeaturesThenLabel() throws IOException {
        LabeledData data = parse("0,1,0\n2,3,1\n4,4,1\n");

        assertEquals(3, data.rows());
        assertArrayEquals(new float[] {2, 3}, data.row(1));
        assertArrayEquals(new int[] {0, 1, 1}, data.labels());
    }

    @Test
    void aShortRowIsReportedWithItsLineNumber() {
        DatasetException error = assertThrows(DatasetException.class, () -> parse("0,1,0\n2,1\n4,4,1\n"));

        assertEquals("Data file tiny.csv.gz is malformed at line 2: 2 values, expected 3.", error.getMessage());
    }

    @Test
    void aLabelOutsideTheClassesIsReported() {
        DatasetException error = assertThrows(DatasetException.class, () -> parse("0,1,0\n2,3,7\n4,4,1\n"));

        assertEquals("Data file tiny.csv.gz is malformed at line 2: label 7 is not in 0..1.", error.getMessage());
    }

    @Test
    void missingRowsAreReported() {
        DatasetException error = assertThrows(DatasetException.class, () -> parse("0,1,0\n"));

        assertEquals("Data file tiny.csv.gz is malformed at line 1: only 1 rows, expected 3.", error.getMessage());
    }

    @Test
    void aCellThatIsNotANumberIsReported() {
        DatasetException error = assertThrows(DatasetException.class, () -> parse("0,1,0\n2,x,1\n4,4,1\n"));

        assertEquals("Data file tiny.csv.gz is malformed at line 2: 'x' is not a number.", error.getMessage());
    }

    private static LabeledData parse(String csv) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(csv.getBytes(StandardCharsets.US_ASCII));
        }
        return DatasetFormat.CSV_GZIP_LABEL_LAST.parse(bytes.toByteArray(), "tiny.csv.gz", TINY);
    }
}
