package org.nnlab.harness.train;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nnlab.api.TrackedRun;
import org.nnlab.protocol.Matrix;

/**
 * What the training JVM does while it waits for its job, the submission compiling meanwhile: the first use of
 * DL4J's JSON mapper (a quarter of a second), of ND4J's inference and of the harness's fast loop, which the job's
 * first epoch would pay for otherwise. It trains a small network on made-up rows through a harness context of its
 * own, one epoch a step, and keeps nothing: every network the job builds seeds ND4J's random numbers afresh.
 *
 * <p>It trains two networks of the shape a lab's take, in turns: two hidden layers, one plain and one with weight
 * decay and dropout on every layer. A job's epochs then find the fast loop compiled for both kinds of layer and
 * both branches of dropout and decay; with one hidden layer and one kind, C2 compiled them again during the job.
 */
final class TrainingWarmup implements BooleanSupplier {
    private static final int FEATURES = 64;
    private static final int CLASSES = 10;
    private static final int ROWS = 256;
    private static final int EPOCHS = 20;
    private final MultiLayerNetwork[] networks = new MultiLayerNetwork[2];
    private final TrackedRun[] runs = new TrackedRun[2];
    private HarnessContext context;
    private int epochs;

    @Override
    public boolean getAsBoolean() {
        if (context == null) {
            context = new HarnessContext(new TrainingInputs(1, Map.of(), List.of("plain", "regularized"), CLASSES,
                    rows(ROWS), rows(ROWS / 4)), new PrintStream(OutputStream.nullOutputStream()), line -> { },
                    (name, weights) -> { });
            networks[0] = network(false);
            networks[1] = network(true);
            networks[1].getLayerWiseConfigurations().toJson();
            runs[0] = context.track("plain", networks[0]);
            runs[1] = context.track("regularized", networks[1]);
            return true;
        }
        int turn = epochs % 2;
        DataSetIterator batches = context.trainingBatches(32);
        networks[turn].fit(batches);
        runs[turn].endEpoch();
        return ++epochs < EPOCHS;
    }

    /** @return a 64-128-64-10 network trained with Adam, with weight decay and dropout on every layer or none */
    private static MultiLayerNetwork network(boolean regularized) {
        List<Regularization> decay = regularized ? List.of(new WeightDecay(1e-4, true)) : List.of();
        double retain = regularized ? 0.8 : 0;
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
                .updater(new Adam(1e-3)).weightInit(WeightInit.RELU).list()
                .layer(new DenseLayer.Builder().nIn(FEATURES).nOut(128).activation(Activation.RELU)
                        .regularization(decay).build())
                .layer(new DenseLayer.Builder().nIn(128).nOut(64).activation(Activation.RELU).dropOut(retain)
                        .regularization(decay).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(64).nOut(CLASSES)
                        .activation(Activation.SOFTMAX).dropOut(retain).regularization(decay).build())
                .build());
        network.init();
        return network;
    }

    private static Matrix rows(int count) {
        float[] values = new float[count * FEATURES];
        int[] labels = new int[count];
        for (int row = 0; row < count; row++) {
            labels[row] = row % CLASSES;
            for (int column = 0; column < FEATURES; column++) {
                values[row * FEATURES + column] = ((row * 31 + column * 17) % 13) / 13f
                        + (column % CLASSES == labels[row] ? 1 : 0);
            }
        }
        return new Matrix(count, FEATURES, values, labels);
    }
}
