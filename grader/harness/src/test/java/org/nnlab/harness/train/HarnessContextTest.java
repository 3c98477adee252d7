package org.nnlab.harness.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.optimize.listeners.ScoreIterationListener;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.regularization.WeightDecay;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nnlab.protocol.EpochRecord;
import org.nnlab.protocol.Matrix;

class HarnessContextTest {
    private static final int FEATURES = 10;
    private static final int CLASSES = 4;
    private static final int BATCH = 32;

    @Test
    void aTrackedNetworkFittedOnTheHarnessBatchesTrainsInTheFastLoopAsDl4jWould() {
        MultiLayerNetwork untracked = network();
        HarnessContext plain = context();
        Nd4j.getRandom().setSeed(5);
        for (int epoch = 0; epoch < 3; epoch++) {
            untracked.fit(plain.trainingBatches(BATCH));
        }

        MultiLayerNetwork tracked = network();
        HarnessContext context = context();
        RunRecorder run = (RunRecorder) context.track("A", tracked);
        Nd4j.getRandom().setSeed(5);
        for (int epoch = 0; epoch < 3; epoch++) {
            tracked.fit(context.trainingBatches(BATCH));
            run.endEpoch();
        }

        assertEquals(3, run.fastEpochs());
        assertEquals(untracked.getIterationCount(), tracked.getIterationCount());
        assertEquals(3, tracked.getEpochCount());
        assertTrue(untracked.params().equalsWithEps(tracked.params(), 1e-4), "the parameters differ");
        assertEquals(untracked.score(), tracked.score(), 1e-4);
        for (EpochRecord epoch : run.epochs()) {
            assertEquals(7, epoch.minibatches(), "200 rows in minibatches of 32");
            assertTrue(epoch.gradientNorm() > 0 && Double.isFinite(epoch.trainingLoss()), epoch.toString());
        }
        assertEquals(0, run.validationRowsFitted());
    }

    @Test
    void oneIteratorFittedEpochAfterEpochGivesEachEpochAllOfItsMinibatches() {
        HarnessContext context = context();
        MultiLayerNetwork network = network();
        RunRecorder run = (RunRecorder) context.track("A", network);
        DataSetIterator batches = context.trainingBatches(BATCH);
        for (int epoch = 0; epoch < 3; epoch++) {
            network.fit(batches);
            run.endEpoch();
        }

        assertEquals(3, run.fastEpochs());
        assertEquals(21, network.getIterationCount());
        assertEquals(List.of(7, 7, 7), run.epochs().stream().map(EpochRecord::minibatches).toList());
    }

    @Test
    void aNetworkWithTheStudentsOwnListenerIsLeftToDl4jAndStillRecorded() {
        HarnessContext context = context();
        MultiLayerNetwork network = network();
        RunRecorder run = (RunRecorder) context.track("A", network);
        network.addListeners(new ScoreIterationListener(1000));
        network.fit(context.trainingBatches(BATCH));
        run.endEpoch();

        assertEquals(0, run.fastEpochs());
        assertEquals(7, run.epochs().get(0).minibatches());
    }

    @Test
    void anotherIteratorWrappingTheHarnessBatchesIsLeftToDl4j() {
        HarnessContext context = context();
        MultiLayerNetwork network = network();
        RunRecorder run = (RunRecorder) context.track("A", network);
        DataSetIterator wrapped = new org.deeplearning4j.datasets.iterator.EarlyTerminationDataSetIterator(
                context.trainingBatches(BATCH), 3);
        network.fit(wrapped);
        run.endEpoch();

        assertEquals(0, run.fastEpochs());
        assertEquals(3, run.epochs().get(0).minibatches());
    }

    private static MultiLayerNetwork network() {
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(2)
                .updater(new Adam(1e-2)).weightInit(WeightInit.RELU).list()
                .layer(new DenseLayer.Builder().nIn(FEATURES).nOut(16).activation(Activation.RELU)
                        .regularization(List.of(new WeightDecay(1e-3, true))).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(16).nOut(CLASSES)
                        .activation(Activation.SOFTMAX).dropOut(0.8).build())
                .build());
        network.init();
        return network;
    }

    private static HarnessContext context() {
        return new HarnessContext(new TrainingInputs(9, Map.of(), List.of("A"), CLASSES, part(200, 1), part(40, 2)),
                new PrintStream(new ByteArrayOutputStream()), line -> { }, (run, weights) -> { });
    }

    private static Matrix part(int rows, long seed) {
        Random random = new Random(seed);
        float[] values = new float[rows * FEATURES];
        int[] labels = new int[rows];
        for (int r = 0; r < rows; r++) {
            labels[r] = random.nextInt(CLASSES);
            for (int c = 0; c < FEATURES; c++) {
                values[r * FEATURES + c] = (float) random.nextGaussian() + (c % CLASSES == labels[r] ? 1 : 0);
            }
        }
        return new Matrix(rows, FEATURES, values, labels);
    }
}
