package org.nnlab.harness;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nnlab.protocol.CompileReport;
import org.nnlab.protocol.ProgressLine;
import org.nnlab.protocol.ProtocolJson;

/**
 * Starts the ND4J backend once so that JavaCPP unpacks its native libraries into the directory named by
 * {@code -Dorg.bytedeco.javacpp.cachedir}. The grader runs this ahead of time, outside any sandbox, so that
 * sandboxes can load the libraries from a read-only directory instead of unpacking ~400 MB each time. It also trains
 * a tiny network for one minibatch, saves and loads it, and writes and reads each file of the grading protocol, so
 * that the class-data-sharing archive the grader dumps from this run holds the classes every training and evaluation
 * loads (Jackson's among them). Prints the backend's name.
 */
public final class NativesMain {
    private NativesMain() {
    }

    /** @param args none */
    public static void main(String[] args) throws IOException {
        Nd4j.create(1);
        MultiLayerNetwork network = trainedNetwork();
        savedAndLoaded(network);
        protocolFiles(network.getLayerWiseConfigurations().toJson());
        System.out.println(Nd4j.getBackend().getClass().getSimpleName());
    }

    private static MultiLayerNetwork trainedNetwork() {
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
                .updater(new Adam(1e-3)).list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(8).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(8).nOut(2)
                        .activation(Activation.SOFTMAX).build())
                .build());
        network.init();
        INDArray features = Nd4j.rand(DataType.FLOAT, 8, 4);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, 8, 2);
        labels.getColumn(0).assign(1);
        network.fit(new DataSet(features, labels));
        network.output(features);
        return network;
    }

    private static void savedAndLoaded(MultiLayerNetwork network) throws IOException {
        MultiLayerConfiguration.fromJson(network.getLayerWiseConfigurations().toJson());
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        ModelSerializer.writeModel(network, saved, true);
        ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(saved.toByteArray()), false)
                .output(Nd4j.rand(DataType.FLOAT, 2, 4));
    }

    private static void protocolFiles(String configuration) throws IOException {
        roundTrip(ProtocolSamples.TRAINING_JOB);
        roundTrip(new CompileReport(true, "", 1));
        roundTrip(new ProgressLine("A", ProtocolSamples.EPOCH));
        roundTrip(ProtocolSamples.trainingReport(configuration));
        roundTrip(ProtocolSamples.EVALUATION_JOB);
        roundTrip(ProtocolSamples.EVALUATION_REPORT);
    }

    private static void roundTrip(Record value) throws IOException {
        ProtocolJson.parseLine(ProtocolJson.line(value), value.getClass());
    }
}
