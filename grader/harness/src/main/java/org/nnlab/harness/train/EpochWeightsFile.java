package org.nnlab.harness.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.protocol.TrainingJob;

/**
 * Appends a run's weights at the end of each epoch to its {@link TrainingJob#weightsFile} in the output folder, up to
 * {@link TrainingJob#MAX_WEIGHTS_BYTES} per run. The evaluation sandbox measures them again, so that an epoch's
 * recorded validation figures are checked against the weights the network had then, not only the last epoch's.
 */
final class EpochWeightsFile implements BiConsumer<String, INDArray> {
    private final Path folder;
    private final Map<String, Long> written = new HashMap<>();
    private final Set<String> broken = new HashSet<>();

    EpochWeightsFile(Path folder) {
        this.folder = folder;
    }

    @Override
    public synchronized void accept(String run, INDArray parameters) {
        long bytes = 4 * parameters.length();
        long before = written.getOrDefault(run, 0L);
        if (broken.contains(run) || before + bytes > TrainingJob.MAX_WEIGHTS_BYTES) {
            return;
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(parameters.toFloatVector());
        try {
            Files.write(folder.resolve(TrainingJob.weightsFile(run)), buffer.array(), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            written.put(run, before + bytes);
        } catch (IOException e) {
            broken.add(run);
            System.err.println("run " + run + ": its weights at this epoch's end cannot be kept (" + e.getMessage()
                    + "); the grader cannot measure its epochs again");
        }
    }
}
