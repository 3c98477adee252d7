package org.nnlab.harness.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.protocol.TrainingJob;

class EpochWeightsFileTest {
    @TempDir
    Path folder;

    @Test
    void eachEpochsWeightsAreAppendedAsLittleEndianFloatsToTheRunsOwnFile() throws IOException {
        EpochWeightsFile file = new EpochWeightsFile(folder);

        file.accept("A", Nd4j.createFromArray(1f, 2f, 3f));
        file.accept("B", Nd4j.createFromArray(9f, 9f, 9f));
        file.accept("A", Nd4j.createFromArray(4f, 5f, 6f));

        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, floats(folder.resolve(TrainingJob.weightsFile("A"))));
        assertArrayEquals(new float[] {9, 9, 9}, floats(folder.resolve(TrainingJob.weightsFile("B"))));
    }

    @Test
    void epochsBeyondTheBytesKeptPerRunAreLeftOut() throws IOException {
        EpochWeightsFile file = new EpochWeightsFile(folder);
        int parameters = (int) (TrainingJob.MAX_WEIGHTS_BYTES / 4 / 3) + 1; // two epochs fit, a third does not

        for (int epoch = 0; epoch < 3; epoch++) {
            file.accept("A", Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, parameters));
        }

        assertEquals(2, TrainingJob.epochsOfWeightsKept(parameters));
        assertEquals(2L * 4 * parameters, Files.size(folder.resolve(TrainingJob.weightsFile("A"))));
    }

    private static float[] floats(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[bytes.remaining() / 4];
        bytes.asFloatBuffer().get(values);
        return values;
    }
}
