package org.nnlab.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DatasetCatalogTest {

    @Test
    void theBuiltInCatalogDescribesDigits() {
        DatasetSpec digits = DatasetCatalog.builtIn().spec("digits");

        assertEquals("digits.csv.gz", digits.file());
        assertEquals(57512, digits.sizeBytes());
        assertEquals(1797, digits.rows());
        assertEquals(64, digits.features());
        assertEquals(10, digits.classes());
        assertEquals(16, digits.featureMax());
        assertEquals("python3-sklearn", digits.sources().debianPackage());
    }

    @Test
    void anUnknownIdIsRefusedWithTheKnownIds() {
        DatasetException error = assertThrows(DatasetException.class, () -> DatasetCatalog.builtIn().spec("mnist"));

        assertEquals("Unknown data set 'mnist'. Known data sets: digits.", error.getMessage());
    }

    @Test
    void anInvalidEntryIsRefusedNamingTheEntryAndField() {
        String json = """
                {"datasets":[{"id":"tiny","file":"tiny.csv.gz","sha256":"not-a-checksum","sizeBytes":10,
                  "format":"CSV_GZIP_LABEL_LAST","rows":4,"features":2,"classes":2,"featureMax":1,"sources":{}}]}
                """;

        Exception error = assertThrows(Exception.class,
                () -> DatasetCatalog.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));

        assertTrue(messages(error).contains("entry 'tiny': field 'sha256' must be 64 lower-case hex digits"),
                messages(error));
    }

    @Test
    void twoEntriesWithTheSameIdAreRefused() {
        DatasetSpec digits = DatasetCatalog.builtIn().spec("digits");

        Exception error = assertThrows(IllegalArgumentException.class,
                () -> DatasetCatalog.of(java.util.List.of(digits, digits)));

        assertEquals("data set catalog: id 'digits' appears twice", error.getMessage());
    }

    private static String messages(Throwable error) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
