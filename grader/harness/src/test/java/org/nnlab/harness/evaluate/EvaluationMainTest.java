package org.nnlab.harness.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nnlab.protocol.EvaluationJob;
import org.nnlab.protocol.EvaluationReport;
import org.nnlab.protocol.Matrix;
import org.nnlab.protocol.ProtocolJson;

class EvaluationMainTest {
    private static final float[] INPUT = {0, 1, 1, 0, 0.5f, 0.5f};
    @TempDir
    Path temp;

    @Test
    void aJavaSerializedObjectInASavedNetworkIsRefusedAndTheOtherRunsAreStillMeasured() throws IOException {
        Path honest = save("honest.zip");
        Path crafted = save("crafted.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(crafted))) {
            copyEntries(honest, zip);
            zip.putNextEntry(new ZipEntry("preprocessor.bin"));
            zip.write(serialized(new ArrayList<>(java.util.List.of("payload"))));
            zip.closeEntry();
        }

        EvaluationReport report = evaluate(Map.of("honest", honest, "crafted", crafted), Map.of());

        assertTrue(report.errors().get("crafted").startsWith("it holds a Java-serialized object, which the grader "
                + "never deserializes ("), report.errors().get("crafted"));
        assertEquals(null, report.errors().get("honest"));
        assertTrue(Files.isRegularFile(temp.resolve("out").resolve(EvaluationJob.predictionsFile("honest", "x"))));
    }

    @Test
    void theWeightsOfEachEpochArePutIntoTheSavedNetworkAndPredictTheWeightsInputInOrder() throws IOException {
        Path saved = save("A.zip");
        MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(saved.toFile(), false);
        float[] last = network.params().toFloatVector();
        float[] first = new float[last.length];
        for (int i = 0; i < first.length; i++) {
            first[i] = (i % 3 - 1) * 0.7f;
        }
        Path weights = weights("weights-A.bin", first, last);

        EvaluationReport report = evaluate(Map.of("A", saved), Map.of("A", weights));

        assertEquals(Map.of(), report.weightErrors());
        assertEquals(Map.of("A", (long) last.length), report.parameters());
        Matrix predicted = Matrix.read(temp.resolve("out").resolve(EvaluationJob.epochPredictionsFile("A")));
        Matrix lastEpoch = Matrix.read(temp.resolve("out").resolve(EvaluationJob.predictionsFile("A", "x")));
        network.setParams(Nd4j.createFromArray(first).reshape(1, first.length));
        float[] firstEpoch = network.output(Nd4j.createFromArray(INPUT).reshape(3, 2), false).ravel().toFloatVector();
        assertEquals(6, predicted.rows());
        assertArrayEquals(firstEpoch, Arrays.copyOfRange(predicted.values(), 0, 6), 1e-6f);
        assertArrayEquals(lastEpoch.values(), Arrays.copyOfRange(predicted.values(), 6, 12), 1e-6f);
    }

    @Test
    void weightsThatAreNotAWholeNumberOfEpochsOfTheNetworkAreRefusedWhileTheNetworkIsStillMeasured()
            throws IOException {
        Path saved = save("A.zip");
        Path weights = weights("weights-A.bin", new float[] {1, 2, 3, 4, 5});

        EvaluationReport report = evaluate(Map.of("A", saved), Map.of("A", weights));

        assertEquals("java.io.IOException: the weights file holds 20 bytes, which is not a whole number of epochs of "
                + "this network's 6 parameters (at most " + org.nnlab.protocol.TrainingJob.MAX_WEIGHTS_BYTES
                + " bytes)", report.weightErrors().get("A"));
        assertEquals(Map.of(), report.errors());
        assertTrue(Files.isRegularFile(temp.resolve("out").resolve(EvaluationJob.predictionsFile("A", "x"))));
    }

    private Path save(String name) throws IOException {
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(2).nOut(2)
                        .activation(Activation.SOFTMAX).build()).build());
        network.init();
        Path file = temp.resolve(name);
        ModelSerializer.writeModel(network, file.toFile(), false);
        return file;
    }

    /** @return a weights file of the epochs given, as the training harness writes it */
    private Path weights(String name, float[]... epochs) throws IOException {
        int values = Arrays.stream(epochs).mapToInt(epoch -> epoch.length).sum();
        ByteBuffer bytes = ByteBuffer.allocate(4 * values).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] epoch : epochs) {
            for (float value : epoch) {
                bytes.putFloat(value);
            }
        }
        return Files.write(temp.resolve(name), bytes.array());
    }

    private static void copyEntries(Path zipFile, ZipOutputStream out) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(zipFile.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(zip.getInputStream(entry).readAllBytes());
                out.closeEntry();
            }
        }
    }

    private static byte[] serialized(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    private EvaluationReport evaluate(Map<String, Path> networks, Map<String, Path> weights) throws IOException {
        Path input = temp.resolve("x.bin");
        new Matrix(3, 2, INPUT, null).write(input);
        Path output = Files.createDirectories(temp.resolve("out"));
        Map<String, String> files = new java.util.LinkedHashMap<>();
        networks.forEach((run, file) -> files.put(run, file.toString()));
        Path job = temp.resolve("job.json");
        Map<String, String> weightFiles = new java.util.LinkedHashMap<>();
        weights.forEach((run, file) -> weightFiles.put(run, file.toString()));
        ProtocolJson.write(job, new EvaluationJob(files, Map.of("x", input.toString()), weightFiles, "x",
                output.toString()));

        EvaluationMain.main(new String[] {job.toString()});

        return ProtocolJson.read(output.resolve(EvaluationJob.REPORT_FILE), EvaluationReport.class, 1 << 20);
    }
}
