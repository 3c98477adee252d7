package org.nnlab.grader.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads {@code configuration.json} from a network saved with DL4J's {@code ModelSerializer}, as plain JSON. The
 * zip was written by untrusted code, so only that entry is read, and only up to a size limit.
 */
public final class NetworkConfigReader {
    private static final int MAX_CONFIGURATION_BYTES = 2 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param savedNetwork a ModelSerializer zip
     * @return the configuration it declares
     * @throws IOException when the file is not a readable saved multi-layer network
     */
    public NetworkDescription read(Path savedNetwork) throws IOException {
        try (ZipFile zip = new ZipFile(savedNetwork.toFile())) {
            ZipEntry entry = zip.getEntry("configuration.json");
            if (entry == null) {
                throw new IOException("the saved network has no configuration.json");
            }
            byte[] bytes;
            try (InputStream in = zip.getInputStream(entry)) {
                bytes = in.readNBytes(MAX_CONFIGURATION_BYTES + 1);
            }
            if (bytes.length > MAX_CONFIGURATION_BYTES) {
                throw new IOException("the saved network's configuration.json is larger than 2 MiB");
            }
            return describe(bytes);
        }
    }

    /**
     * @param configurationJson a MultiLayerConfiguration JSON document
     * @return what it declares
     * @throws IOException when it is not one
     */
    public NetworkDescription describe(byte[] configurationJson) throws IOException {
        JsonNode configuration = JSON.readTree(configurationJson);
        JsonNode confs = configuration.path("confs");
        if (!confs.isArray() || confs.isEmpty()) {
            throw new IOException("the configuration has no layers (is it a MultiLayerNetwork?)");
        }
        List<LayerDescription> layers = new ArrayList<>();
        for (JsonNode conf : confs) {
            layers.add(layer(conf.path("layer")));
        }
        return new NetworkDescription(layers, confs.get(0).path("epochCount").asLong(0));
    }

    private static LayerDescription layer(JsonNode layer) {
        JsonNode dropout = layer.path("idropout");
        String dropoutType = dropout.isObject() ? simpleName(dropout.path("@class").asText("")) : null;
        double retain = "Dropout".equals(dropoutType) ? dropout.path("p").asDouble(Double.NaN) : Double.NaN;
        JsonNode updater = layer.path("iupdater");
        String updaterType = updater.isObject() ? simpleName(updater.path("@class").asText("")) : null;
        double learningRate = updater.path("learningRate").isNumber() ? updater.path("learningRate").asDouble()
                : Double.NaN;
        String activation = layer.path("activationFn").isObject()
                ? simpleName(layer.path("activationFn").path("@class").asText("")).replaceFirst("^Activation", "")
                : null;
        return new LayerDescription(simpleName(layer.path("@class").asText("")), layer.path("nin").asLong(-1),
                layer.path("nout").asLong(-1), activation, dropoutType, retain,
                regularization(layer.path("regularization")), updaterType, learningRate,
                layer.path("gradientNormalization").asText("None"),
                layer.path("gradientNormalizationThreshold").asDouble(Double.NaN));
    }

    private static List<RegularizationTerm> regularization(JsonNode terms) {
        List<RegularizationTerm> result = new ArrayList<>();
        for (JsonNode term : terms) {
            String type = simpleName(term.path("@class").asText(""));
            JsonNode schedule = switch (type) {
                case "WeightDecay" -> term.path("coeff");
                case "L2Regularization" -> term.path("l2");
                case "L1Regularization" -> term.path("l1");
                default -> term.path("coeff");
            };
            double coefficient = simpleName(schedule.path("@class").asText("")).equals("FixedSchedule")
                    ? schedule.path("value").asDouble(Double.NaN) : Double.NaN;
            result.add(new RegularizationTerm(type.replace("Regularization", ""), coefficient));
        }
        return result;
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
