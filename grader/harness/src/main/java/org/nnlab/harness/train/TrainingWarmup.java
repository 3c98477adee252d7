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
import org.nd4j.linalg.learning.regularization.WeightDecay;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nnlab.api.TrackedRun;
import org.nnlab.protocol.Matrix;

/**
 * What the training JVM does while it waits for its job, the submission compiling meanwhile: the first use of
 * DL4J's JSON mapper (a quarter of a second), of ND4J's inference and of the harness's fast loop, which the job's
 * first epoch would pay for otherwise. It trains a small network on made-up rows through a harness context of its
 * own, one epoch a step, and keeps nothing: every network the job builds seeds ND4J's random numbers afresh.
 */
final class TrainingWarmup implements BooleanSupplier {
    private static final int FEATURES = 64;
    private static final int CLASSES = 10;
    private static final int ROWS = 256;
    private static final int EPOCHS = 20;
    private MultiLayerNetwork network;
    private TrackedRun run;
    private HarnessContext context;
    private int epochs;

    @Override
    public boolean getAsBoolean() {
        if (network == null) {
            network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).updater(new Adam(1e-3))
                    .weightInit(WeightInit.RELU).list()
                    .layer(new DenseLayer.Builder().nIn(FEATURES).nOut(64).activation(Activation.RELU)
                            .regularization(List.of(new WeightDecay(1e-4, true))).build())
                    .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(64).nOut(CLASSES)
                            .activation(Activation.SOFTMAX).dropOut(0.8).build())
                    .build());
            network.init();
            network.getLayerWiseConfigurations().toJson();
            context = new HarnessContext(new TrainingInputs(1, Map.of(), List.of("warmup"), CLASSES, rows(ROWS),
                    rows(ROWS / 4)), new PrintStream(OutputStream.nullOutputStream()), line -> { },
                    (name, weights) -> { });
            run = context.track("warmup", network);
            return true;
        }
        DataSetIterator batches = context.trainingBatches(32);
        network.fit(batches);
        run.endEpoch();
        return ++epochs < EPOCHS;
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
