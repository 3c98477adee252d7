package org.nnlab.harness.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.GaussianDropout;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.learning.regularization.L1Regularization;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class FastEpochTest {
    private static final int FEATURES = 12;
    private static final int CLASSES = 5;
    private static final int ROWS = 100;
    private static final int BATCH = 16;

    @Test
    void adamWithWeightDecayAndDropoutOnEveryLayerEndsWhereDl4jEnds() {
        assertSameAsDl4j(() -> network(new Adam(1e-2), Activation.RELU, Activation.RELU,
                List.of(new WeightDecay(1e-2, true)), List.of(), 0.8), 3, false);
    }

    @Test
    void nesterovsWithL1AndL2OnTanhAndSigmoidLayersEndsWhereDl4jEnds() {
        assertSameAsDl4j(() -> network(new Nesterovs(0.05, 0.9), Activation.TANH, Activation.SIGMOID,
                List.of(new L2Regularization(1e-3)), List.of(new L1Regularization(1e-3)), Double.NaN), 3, false);
    }

    @Test
    void sgdOnIdentityLayersWithWeightDecayWithoutTheRateEndsWhereDl4jEnds() {
        assertSameAsDl4j(() -> network(new Sgd(0.05), Activation.IDENTITY, Activation.RELU,
                List.of(new WeightDecay(1e-2, false)), List.of(), 0.5), 3, false);
    }

    @Test
    void aLearningRateChangedBetweenEpochsIsFollowed() {
        assertSameAsDl4j(() -> network(new Adam(1e-2), Activation.RELU, Activation.RELU, List.of(), List.of(),
                Double.NaN), 4, true);
    }

    @Test
    void networksWithPartsItDoesNotKnowAreLeftToDl4j() {
        MultiLayerNetwork clipped = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
                .updater(new Adam(1e-3)).gradientNormalization(GradientNormalization.ClipL2PerLayer).list()
                .layer(new DenseLayer.Builder().nIn(FEATURES).nOut(8).activation(Activation.RELU).build())
                .layer(output(8)).build());
        MultiLayerNetwork gaussian = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
                .updater(new Adam(1e-3)).list()
                .layer(new DenseLayer.Builder().nIn(FEATURES).nOut(8).activation(Activation.RELU)
                        .dropOut(new GaussianDropout(0.5)).build())
                .layer(output(8)).build());
        MultiLayerNetwork leaky = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
                .updater(new Adam(1e-3)).list()
                .layer(new DenseLayer.Builder().nIn(FEATURES).nOut(8).activation(Activation.LEAKYRELU).build())
                .layer(output(8)).build());
        MultiLayerNetwork squared = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
                .updater(new Adam(1e-3)).list()
                .layer(new DenseLayer.Builder().nIn(FEATURES).nOut(8).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(8).nOut(CLASSES)
                        .activation(Activation.SOFTMAX).build()).build());
        for (MultiLayerNetwork network : List.of(clipped, gaussian, leaky, squared)) {
            network.init();
            assertTrue(FastEpoch.of(network).isEmpty(), network.getLayerWiseConfigurations().toJson());
        }
    }

    private void assertSameAsDl4j(java.util.function.Supplier<MultiLayerNetwork> factory, int epochs,
                                  boolean halveRateAfterEachEpoch) {
        List<DataSet> batches = batches();
        MultiLayerNetwork expected = factory.get();
        Nd4j.getRandom().setSeed(7);
        for (int epoch = 0; epoch < epochs; epoch++) {
            expected.fit(new ListDataSetIterator<>(batches, 1));
            if (halveRateAfterEachEpoch) {
                expected.setLearningRate(1e-2 / Math.pow(2, epoch + 1));
            }
        }

        MultiLayerNetwork actual = factory.get();
        Nd4j.getRandom().setSeed(7);
        List<Double> scores = new ArrayList<>();
        for (int epoch = 0; epoch < epochs; epoch++) {
            FastEpoch fast = FastEpoch.of(actual).orElseThrow();
            fast.train(minibatches(batches), (score, norm) -> scores.add(score));
            actual.incrementEpochCount();
            if (halveRateAfterEachEpoch) {
                actual.setLearningRate(1e-2 / Math.pow(2, epoch + 1));
            }
        }

        assertEquals(epochs * ((ROWS + BATCH - 1) / BATCH), scores.size());
        assertEquals(expected.getIterationCount(), actual.getIterationCount());
        assertEquals(expected.score(), actual.score(), 1e-4);
        float[] want = expected.params().data().asFloat();
        float[] got = actual.params().data().asFloat();
        assertEquals(want.length, got.length);
        double worst = 0;
        for (int k = 0; k < want.length; k++) {
            worst = Math.max(worst, Math.abs(want[k] - got[k]));
        }
        assertTrue(worst < 1e-4, "largest parameter difference " + worst);
        float[] wantState = expected.getUpdater().getStateViewArray() == null ? new float[0]
                : expected.getUpdater().getStateViewArray().data().asFloat();
        float[] gotState = actual.getUpdater().getStateViewArray() == null ? new float[0]
                : actual.getUpdater().getStateViewArray().data().asFloat();
        assertEquals(wantState.length, gotState.length);
        for (int k = 0; k < wantState.length; k++) {
            assertEquals(wantState[k], gotState[k], 1e-4 + 1e-3 * Math.abs(wantState[k]), "state " + k);
        }
    }

    private static MultiLayerNetwork network(IUpdater updater, Activation first, Activation second,
                                             List<Regularization> weights, List<Regularization> biases,
                                             double retain) {
        DenseLayer.Builder one = new DenseLayer.Builder().nIn(FEATURES).nOut(16).activation(first);
        DenseLayer.Builder two = new DenseLayer.Builder().nIn(16).nOut(8).activation(second);
        OutputLayer.Builder out = new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(8).nOut(CLASSES)
                .activation(Activation.SOFTMAX);
        if (!Double.isNaN(retain)) {
            one.dropOut(retain);
            two.dropOut(retain);
            out.dropOut(retain);
        }
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3)
                .updater(updater).weightInit(WeightInit.RELU).dataType(DataType.FLOAT).list()
                .layer(one.regularization(weights).regularizationBias(biases).build())
                .layer(two.regularization(weights).regularizationBias(biases).build())
                .layer(out.regularization(weights).regularizationBias(biases).build())
                .build());
        network.init();
        return network;
    }

    private static OutputLayer output(int inputs) {
        return new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(inputs).nOut(CLASSES)
                .activation(Activation.SOFTMAX).build();
    }

    /** @return the rows cut into minibatches, the last one short */
    private static List<DataSet> batches() {
        Random random = new Random(11);
        List<DataSet> batches = new ArrayList<>();
        for (int start = 0; start < ROWS; start += BATCH) {
            int rows = Math.min(BATCH, ROWS - start);
            float[] x = new float[rows * FEATURES];
            float[] y = new float[rows * CLASSES];
            for (int r = 0; r < rows; r++) {
                int label = random.nextInt(CLASSES);
                y[r * CLASSES + label] = 1;
                for (int c = 0; c < FEATURES; c++) {
                    x[r * FEATURES + c] = (float) (random.nextGaussian() + (c % CLASSES == label ? 1.5 : 0));
                }
            }
            batches.add(new DataSet(Nd4j.create(x, new long[] {rows, FEATURES}, DataType.FLOAT),
                    Nd4j.create(y, new long[] {rows, CLASSES}, DataType.FLOAT)));
        }
        return batches;
    }

    private static Minibatches minibatches(List<DataSet> batches) {
        Iterator<DataSet> remaining = batches.iterator();
        return new Minibatches() {
            @Override
            public int batchSize() {
                return BATCH;
            }

            @Override
            public int next(float[][] features, float[][] labels) {
                if (!remaining.hasNext()) {
                    return 0;
                }
                DataSet batch = remaining.next();
                int rows = (int) batch.getFeatures().rows();
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(batch.getFeatures().getRow(r).toFloatVector(), 0, features[r], 0, FEATURES);
                    System.arraycopy(batch.getLabels().getRow(r).toFloatVector(), 0, labels[r], 0, CLASSES);
                }
                return rows;
            }
        };
    }
}
