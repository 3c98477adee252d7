package org.nnlab.grader.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkConfigReaderTest {
    private final NetworkConfigReader reader = new NetworkConfigReader();

    @TempDir
    Path temp;

    @Test
    void theReferenceModelBConfigurationIsDescribedLayerByLayer() throws IOException {
        NetworkDescription network = reader.read(savedNetwork(resource("configuration-B.json")));

        assertEquals(3, network.layers().size());
        LayerDescription hidden = network.layers().get(1);
        assertEquals("DenseLayer", hidden.type());
        assertEquals(128, hidden.inputs());
        assertEquals(64, hidden.outputs());
        assertEquals("ReLU", hidden.activation());
        assertEquals("Dropout", hidden.dropoutType());
        assertEquals(0.8, hidden.retainProbability());
        assertEquals(List.of(new RegularizationTerm("WeightDecay", 1e-4)), hidden.regularization());
        assertEquals("Adam", hidden.updater());
        assertEquals(0.00025, hidden.learningRate());
        assertEquals("Softmax", network.layers().get(2).activation());
        assertEquals(40, network.epochCount());
    }

    @Test
    void modelAHasNoDropoutAndNoRegularization() throws IOException {
        NetworkDescription network = reader.read(savedNetwork(resource("configuration-A.json")));

        assertTrue(network.layers().stream().noneMatch(LayerDescription::hasDropout));
        assertTrue(network.layers().stream().allMatch(layer -> layer.regularization().isEmpty()));
    }

    @Test
    void aClippedNetworkDeclaresItsGradientNormalizationOnEveryLayer() throws IOException {
        NetworkDescription network = reader.read(savedNetwork(resource("configuration-clipped.json")));

        assertEquals(2, network.layers().size());
        for (LayerDescription layer : network.layers()) {
            assertEquals("ClipL2PerLayer", layer.gradientNormalization());
            assertEquals(1.0, layer.gradientNormalizationThreshold());
            assertEquals("Nesterovs", layer.updater());
        }
    }

    @Test
    void aNetworkWithoutClippingDeclaresNone() throws IOException {
        NetworkDescription network = reader.read(savedNetwork(resource("configuration-A.json")));

        assertTrue(network.layers().stream().allMatch(layer -> layer.gradientNormalization().equals("None")));
    }

    @Test
    void aRetainProbabilityOfOneIsNoDropout() {
        LayerDescription layer = new LayerDescription("DenseLayer", 1, 1, "ReLU", "Dropout", 1.0, List.of(), "Adam",
                1e-3, "None", Double.NaN);

        assertFalse(layer.hasDropout());
    }

    @Test
    void aZipWithoutConfigurationIsRefused() throws IOException {
        Path zip = temp.resolve("network.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipOut = new ZipOutputStream(out)) {
            zipOut.putNextEntry(new ZipEntry("coefficients.bin"));
            zipOut.closeEntry();
        }

        IOException error = assertThrows(IOException.class, () -> reader.read(zip));
        assertEquals("the saved network has no configuration.json", error.getMessage());
    }

    @Test
    void anOversizedConfigurationIsRefusedWithoutReadingIt() throws IOException {
        Path zip = savedNetwork(new byte[3 << 20]);

        IOException error = assertThrows(IOException.class, () -> reader.read(zip));
        assertEquals("the saved network's configuration.json is larger than 2 MiB", error.getMessage());
    }

    private Path savedNetwork(byte[] configuration) throws IOException {
        Path zip = temp.resolve("network.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipOut = new ZipOutputStream(out)) {
            zipOut.putNextEntry(new ZipEntry("configuration.json"));
            zipOut.write(configuration);
            zipOut.closeEntry();
        }
        return zip;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = NetworkConfigReaderTest.class.getResourceAsStream("/networks/" + name)) {
            return in.readAllBytes();
        }
    }
}
