package org.nnlab.grader.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.nnlab.grader.lab.Fields;
import org.nnlab.grader.network.NetworkConfigReader;
import org.nnlab.grader.network.NetworkDescription;
import org.nnlab.protocol.EpochRecord;

/** Evidence for check tests: the saved configurations of the reference solution's runs, and synthetic curves. */
final class Fixtures {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Fixtures() {
    }

    /** @return the configuration the reference solution saved for run A or B, optionally edited */
    static NetworkDescription network(String run, java.util.function.Consumer<ObjectNode> edit) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/networks/configuration-" + run + ".json")) {
            ObjectNode json = (ObjectNode) new ObjectMapper().readTree(in);
            edit.accept(json);
            return new NetworkConfigReader().describe(new ObjectMapper().writeValueAsBytes(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the configuration the reference solution saved for run A or B */
    static NetworkDescription network(String run) {
        return network(run, json -> { });
    }

    /**
     * @return the configuration of run B (Adam, weight decay on every layer) with every layer's learning rate and
     *     weight decay set to the given values; no regularization at all for a weight decay of 0
     */
    static NetworkDescription network(double learningRate, double weightDecay) {
        return network("B", json -> {
            for (int i = 0; i < json.get("confs").size(); i++) {
                ObjectNode layer = layer(json, i);
                ((ObjectNode) layer.get("iupdater")).put("learningRate", learningRate);
                if (weightDecay == 0) {
                    layer.putArray("regularization");
                } else {
                    ((ObjectNode) layer.get("regularization").get(0).get("coeff")).put("value", weightDecay);
                }
            }
        });
    }

    /** @return the JSON of layer {@code index} inside a configuration document */
    static ObjectNode layer(ObjectNode configuration, int index) {
        return (ObjectNode) configuration.get("confs").get(index).get("layer");
    }

    /**
     * @return {@code count} epochs whose losses fall like 1/epoch, accuracy rises, and learning rate follows
     *     {@code rate}
     */
    static List<EpochRecord> epochs(int count, DoubleUnaryOperator rate) {
        List<EpochRecord> epochs = new ArrayList<>();
        for (int e = 1; e <= count; e++) {
            epochs.add(new EpochRecord(e, 1.0 / e, 1.2 / e, 0.9 + 0.002 * e, rate.applyAsDouble(e), 40, Double.NaN));
        }
        return epochs;
    }

    /** @return epochs with these validation losses and an accuracy that differs per epoch */
    static List<EpochRecord> curve(double... validationLoss) {
        List<EpochRecord> epochs = new ArrayList<>();
        for (int i = 0; i < validationLoss.length; i++) {
            epochs.add(new EpochRecord(i + 1, 1.0 / (i + 1), validationLoss[i], 0.9 + 0.001 * i, 1e-3, 40, Double.NaN));
        }
        return epochs;
    }

    /** @return evidence of completed runs with the given reported values and answers */
    static Evidence evidence(Map<String, RunEvidence> runs, Map<String, Double> reported, Map<String, String> answers) {
        return new Evidence(Map.of("epochs", 40.0), 10, 1258, true, null, runs, reported, answers, List.of());
    }

    /**
     * @return evidence of the runs of a search, named {@code prefix-1, prefix-2...}, whose saved networks have these
     *     learning rates and weight decays
     */
    static Evidence search(String prefix, List<Double> learningRates, List<Double> weightDecays) {
        Map<String, RunEvidence> runs = new java.util.HashMap<>();
        for (int i = 0; i < learningRates.size(); i++) {
            String name = prefix + "-" + (i + 1);
            runs.put(name, new RunEvidence(name, epochs(3, e -> 1e-3), network(learningRates.get(i),
                    weightDecays.get(i)), null, null, null));
        }
        return evidence(runs, Map.of(), Map.of());
    }

    /** @return a check of {@code type} created from YAML parameters, as a lab file would hold them */
    static Check check(CheckType type, String yamlParams) {
        try {
            return type.create(new Fields("lab.yaml", "checks[0].params", YAML.readTree(yamlParams)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
