package org.nnlab.harness.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nnlab.protocol.EvaluationJob;
import org.nnlab.protocol.EvaluationReport;
import org.nnlab.protocol.Matrix;
import org.nnlab.protocol.ProtocolJson;

class EvaluationMainTest {
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

        EvaluationReport report = evaluate(Map.of("honest", honest, "crafted", crafted));

        assertTrue(report.errors().get("crafted").startsWith("it holds a Java-serialized object, which the grader "
                + "never deserializes ("), report.errors().get("crafted"));
        assertEquals(null, report.errors().get("honest"));
        assertTrue(Files.isRegularFile(temp.resolve("out").resolve(EvaluationJob.predictionsFile("honest", "x"))));
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

    private EvaluationReport evaluate(Map<String, Path> networks) throws IOException {
        Path input = temp.resolve("x.bin");
        new Matrix(3, 2, new float[] {0, 1, 1, 0, 0.5f, 0.5f}, null).write(input);
        Path output = Files.createDirectories(temp.resolve("out"));
        Map<String, String> files = new java.util.LinkedHashMap<>();
        networks.forEach((run, file) -> files.put(run, file.toString()));
        Path job = temp.resolve("job.json");
        ProtocolJson.write(job, new EvaluationJob(files, Map.of("x", input.toString()), output.toString()));

        EvaluationMain.main(new String[] {job.toString()});

        return ProtocolJson.read(output.resolve(EvaluationJob.REPORT_FILE), EvaluationReport.class, 1 << 20);
    }
}
