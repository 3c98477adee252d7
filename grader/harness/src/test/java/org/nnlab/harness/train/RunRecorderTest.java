package org.nnlab.harness.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nnlab.protocol.EpochRecord;
import org.nnlab.protocol.ProgressLine;

class RunRecorderTest {
    private final DataSet batch = new DataSet(Nd4j.linspace(-1, 1, 32).reshape(8, 4),
            Nd4j.eye(4).repeat(0, 2));
    private final List<ProgressLine> progress = new ArrayList<>();

    @Test
    void anEpochRecordsTheNormOfTheMinibatchMeanGradientBeforeClipping() {
        MultiLayerNetwork network = network(GradientNormalization.ClipElementWiseAbsoluteValue);
        MultiLayerNetwork copy = network.clone();
        copy.setInput(batch.getFeatures());
        copy.setLabels(batch.getLabels());
        copy.computeGradientAndScore();
        double rawNorm = copy.gradient().gradient().norm2Number().doubleValue() / 8; // summed over 8 examples
        RunRecorder recorder = new RunRecorder("A", network, batch.getFeatures(), new int[] {0, 1, 2, 3, 0, 1, 2, 3},
                progress::add, (run, weights) -> { });

        network.fit(batch);
        recorder.endEpoch();
        EpochRecord epoch = recorder.epochs().get(0);

        assertTrue(rawNorm > 1e-3, "the clipping threshold 1e-3 is below the raw norm " + rawNorm);
        assertEquals(rawNorm, epoch.gradientNorm(), 1e-6 * rawNorm);
        assertEquals(1, epoch.minibatches());
        assertEquals(epoch, progress.get(0).epoch());
    }

    @Test
    void theRunsTimeRunsFromTrackToItsLastEpochAndHoldsTheRecording() throws InterruptedException {
        MultiLayerNetwork network = network(GradientNormalization.None);
        RunRecorder recorder = new RunRecorder("A", network, batch.getFeatures(), new int[] {0, 1, 2, 3, 0, 1, 2, 3},
                progress::add, (run, weights) -> { });
        Thread.sleep(20);
        network.fit(batch);
        recorder.endEpoch();
        long millis = recorder.millis();
        Thread.sleep(20);

        assertTrue(millis >= 20, "from track to the last endEpoch: " + millis);
        assertEquals(millis, recorder.millis(), "time after the last epoch does not count");
        assertTrue(recorder.recordingMillis() <= millis, recorder.recordingMillis() + " of " + millis);
    }

    @Test
    void anEpochWithoutUpdatesHasNoGradientNorm() {
        MultiLayerNetwork network = network(GradientNormalization.None);
        RunRecorder recorder = new RunRecorder("A", network, batch.getFeatures(), new int[] {0, 1, 2, 3, 0, 1, 2, 3},
                progress::add, (run, weights) -> { });

        network.fit(batch);
        recorder.endEpoch();
        recorder.endEpoch();

        assertTrue(Double.isFinite(recorder.epochs().get(0).gradientNorm()));
        assertTrue(Double.isNaN(recorder.epochs().get(1).gradientNorm()));
    }

    @Test
    void theConfigurationIsKeptAsItWasWhenTheFirstEpochWasRecorded() {
        MultiLayerNetwork network = network(GradientNormalization.None);
        RunRecorder recorder = new RunRecorder("A", network, batch.getFeatures(), new int[] {0, 1, 2, 3, 0, 1, 2, 3},
                progress::add, (run, weights) -> { });
        network.fit(batch);
        recorder.endEpoch();
        String trained = network.getLayerWiseConfigurations().toJson();

        network.getLayerWiseConfigurations().getConf(1).getLayer().setIDropout(new Dropout(0.5));
        network.fit(batch);
        recorder.endEpoch();

        assertEquals(trained, recorder.trainedConfiguration());
        assertTrue(network.getLayerWiseConfigurations().toJson().contains("Dropout"));
        assertFalse(recorder.trainedConfiguration().contains("Dropout"));
    }

    @Test
    void validationRowsInTheFittedMinibatchesAreCountedOnce() {
        MultiLayerNetwork network = network(GradientNormalization.None);
        INDArray validation = batch.getFeatures().getRows(1, 2, 5);
        RunRecorder recorder = new RunRecorder("A", network, validation, new int[] {1, 2, 1}, progress::add,
                (run, weights) -> { });

        network.fit(new DataSet(batch.getFeatures().getRows(0, 3, 4), batch.getLabels().getRows(0, 3, 4)));
        recorder.endEpoch();
        assertEquals(0, recorder.validationRowsFitted(), "training rows only");
        network.fit(batch);
        network.fit(batch);
        recorder.endEpoch();

        assertEquals(3, recorder.validationRowsFitted());
    }

    @Test
    void eachEpochHandsOverTheWeightsTheNetworkHadWhenItsValidationFiguresWereMeasured() {
        MultiLayerNetwork network = network(GradientNormalization.None);
        List<float[]> kept = new ArrayList<>();
        RunRecorder recorder = new RunRecorder("A", network, batch.getFeatures(), new int[] {0, 1, 2, 3, 0, 1, 2, 3},
                progress::add, (run, weights) -> kept.add(weights.toFloatVector()));

        network.fit(batch);
        recorder.endEpoch();
        float[] first = network.params().toFloatVector();
        network.fit(batch);
        recorder.endEpoch();

        assertEquals(2, kept.size());
        assertTrue(java.util.Arrays.equals(first, kept.get(0)), "the first epoch's weights, not a later state");
        assertTrue(java.util.Arrays.equals(network.params().toFloatVector(), kept.get(1)));
    }

    /** @return a 4-6-4 network with element-wise clipping at 1e-3, or the given normalization */
    private static MultiLayerNetwork network(GradientNormalization normalization) {
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(7)
                .updater(new Sgd(0.1))
                .gradientNormalization(normalization)
                .gradientNormalizationThreshold(1e-3)
                .list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(6).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(6).nOut(4)
                        .activation(Activation.SOFTMAX).build())
                .build());
        network.init();
        return network;
    }
}
