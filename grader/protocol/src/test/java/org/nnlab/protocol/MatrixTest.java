package org.nnlab.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatrixTest {
    @TempDir
    Path temp;

    @Test
    void aLabelledMatrixSurvivesTheRoundTrip() throws IOException {
        Matrix matrix = new Matrix(2, 3, new float[] {0, 0.5f, 1, 2, Float.NaN, -3}, new int[] {4, 7});
        Path file = temp.resolve("m.bin");

        matrix.write(file);
        Matrix read = Matrix.read(file);

        assertEquals(2, read.rows());
        assertEquals(3, read.columns());
        assertArrayEquals(matrix.values(), read.values());
        assertArrayEquals(new int[] {4, 7}, read.labels());
    }

    @Test
    void featuresWithoutLabelsStayWithoutLabels() throws IOException {
        Path file = temp.resolve("f.bin");
        new Matrix(1, 2, new float[] {1, 2}, null).write(file);

        assertNull(Matrix.read(file).labels());
    }

    @Test
    void aHeaderThatClaimsMoreThanTheFileHoldsIsRefusedBeforeAllocating() throws IOException {
        Path file = temp.resolve("lie.bin");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.writeInt(0x4e4e4c4d);
            out.writeInt(1);
            out.writeInt(Integer.MAX_VALUE);
            out.writeInt(Integer.MAX_VALUE);
            out.writeBoolean(false);
        }

        IOException error = assertThrows(IOException.class, () -> Matrix.read(file));
        assertTrue(error.getMessage().contains("claims 2147483647 x 2147483647 values but holds 17 bytes"),
                error.getMessage());
    }

    @Test
    void aFileOfAnotherKindIsRefused() throws IOException {
        Path file = Files.writeString(temp.resolve("x.bin"), "hello, this is not a matrix");

        IOException error = assertThrows(IOException.class, () -> Matrix.read(file));
        assertEquals(file + " is not an nnlab matrix file", error.getMessage());
    }
}
