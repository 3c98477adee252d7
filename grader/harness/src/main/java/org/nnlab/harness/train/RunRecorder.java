package org.nnlab.harness.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.api.EpochMetrics;
import org.nnlab.api.TrackedRun;
import org.nnlab.harness.Tensors;
import org.nnlab.harness.fast.FastEpoch;
import org.nnlab.harness.fast.Minibatches;
import org.nnlab.protocol.ClassificationMetrics;
import org.nnlab.protocol.EpochRecord;
import org.nnlab.protocol.Matrix;
import org.nnlab.protocol.ProgressLine;

/**
 * Records one tracked run: a listener collects the score and the gradient norm of every minibatch, and each
 * {@link #endEpoch()} measures the validation part in inference mode and reads the updater's learning rate. The
 * first {@code endEpoch()} also keeps the network's configuration, so that the grader can tell regularization the
 * network trained with from regularization put on its configuration afterwards, and the listener notes every
 * validation row the network fits (it should fit none). Each {@code endEpoch()} also hands the network's weights to
 * a keeper ({@link EpochWeightsFile} in the sandbox), so that the grader can measure each epoch again.
 *
 * <p>When DL4J's {@code fit} begins an epoch on the harness's own minibatches, and the network has no other listener
 * and is one the {@link FastEpoch} knows, the listener trains the epoch there and then in the fast loop, recording
 * the same figures; {@code fit} then finds the epoch done. Anything else is left to DL4J.
 */
final class RunRecorder implements TrackedRun {
    private final String name;
    private final MultiLayerNetwork network;
    private final INDArray validationFeatures;
    private final int[] validationLabels;
    private final ScoreListener listener;
    private final List<EpochRecord> epochs = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final java.util.function.Consumer<ProgressLine> progress;
    private final java.util.function.BiConsumer<String, INDArray> weights;
    private final long trackedNanos = System.nanoTime();
    private long lastEpochNanos = trackedNanos;
    private long measuringNanos;
    private String trainedConfiguration;
    private ShuffledBatches nextEpoch;
    private int fastEpochs;

    RunRecorder(String name, MultiLayerNetwork network, INDArray validationFeatures, int[] validationLabels,
                java.util.function.Consumer<ProgressLine> progress,
                java.util.function.BiConsumer<String, INDArray> weights) {
        this.name = name;
        this.progress = progress;
        this.weights = weights;
        this.network = network;
        this.validationFeatures = validationFeatures;
        this.validationLabels = validationLabels;
        this.listener = new ScoreListener(new FittedRows(validationFeatures), this::epochStarting);
        network.addListeners(listener);
    }

    @Override
    public synchronized EpochMetrics endEpoch() {
        long start = System.nanoTime();
        if (!network.getListeners().contains(listener)) {
            warnings.add("run " + name + ", epoch " + (epochs.size() + 1) + ": the network's listeners were replaced "
                    + "(setListeners), so its minibatch scores were lost; use addListeners instead");
            network.addListeners(listener);
        }
        nextEpoch = null;
        double trainingLoss = listener.count == 0 ? Double.NaN : listener.sum / listener.count;
        Matrix probabilities = Tensors.matrix(network.output(validationFeatures, false));
        EpochRecord epoch = new EpochRecord(epochs.size() + 1, trainingLoss,
                ClassificationMetrics.meanCrossEntropy(probabilities, validationLabels),
                ClassificationMetrics.accuracy(probabilities, validationLabels), learningRate(), listener.count,
                listener.meanGradientNorm());
        epochs.add(epoch);
        weights.accept(name, network.params());
        if (trainedConfiguration == null) {
            trainedConfiguration = network.getLayerWiseConfigurations().toJson();
        }
        progress.accept(new ProgressLine(name, epoch));
        listener.reset();
        lastEpochNanos = System.nanoTime();
        measuringNanos += lastEpochNanos - start;
        return new EpochMetrics(epoch.epoch(), epoch.trainingLoss(), epoch.validationLoss(),
                epoch.validationAccuracy(), epoch.learningRate());
    }

    /** Notes the minibatches DL4J's {@code fit} is beginning an epoch on, for the listener's epoch start. */
    synchronized void nextEpochFrom(ShuffledBatches batches) {
        nextEpoch = batches;
    }

    /** Trains the epoch {@code fit} is beginning in the fast loop, when it can. */
    private synchronized void epochStarting(Model model) {
        ShuffledBatches batches = nextEpoch;
        nextEpoch = null;
        if (batches == null || model != network || network.getListeners().size() != 1
                || !network.getListeners().contains(listener)
                || batches.featureCount() != network.layerInputSize(0)) {
            return;
        }
        Optional<FastEpoch> epoch = FastEpoch.of(network);
        Minibatches minibatches = epoch.isPresent() ? batches.fastEpoch() : null;
        if (minibatches != null) {
            epoch.get().train(minibatches, listener::fitted);
            listener.validationRows.fitted(batches.features(), batches.featureCount());
            fastEpochs++;
        }
    }

    /** @return how many of the run's epochs the fast loop trained */
    synchronized int fastEpochs() {
        return fastEpochs;
    }

    String name() {
        return name;
    }

    /** @return milliseconds from {@code track} to the end of the last epoch: the run's training and measuring */
    synchronized long millis() {
        return (lastEpochNanos - trackedNanos) / 1_000_000;
    }

    /**
     * @return milliseconds the harness spent recording this run: measuring the validation part at each epoch's end
     *         and the score and gradient norm of each minibatch
     */
    synchronized long recordingMillis() {
        return (measuringNanos + listener.nanos) / 1_000_000;
    }

    MultiLayerNetwork network() {
        return network;
    }

    synchronized List<EpochRecord> epochs() {
        return List.copyOf(epochs);
    }

    /** @return how many distinct validation rows were among the minibatches the network fitted */
    synchronized int validationRowsFitted() {
        return listener.validationRows.count();
    }

    /**
     * @return the network's configuration JSON as it was when the first epoch was recorded, i.e. what it trained
     *     with; null before that
     */
    synchronized String trainedConfiguration() {
        return trainedConfiguration;
    }

    synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** @return the learning rate of the first layer that has one, NaN when none has */
    private double learningRate() {
        for (int layer = 0; layer < network.getnLayers(); layer++) {
            Double rate = network.getLearningRate(layer);
            if (rate != null) {
                return rate;
            }
        }
        return Double.NaN;
    }

    /**
     * Sums the score of each minibatch update and the L2 norm of its gradient, and notes the validation rows among
     * its features. DL4J calls {@code onGradientCalculation} once backpropagation has computed the gradient summed
     * over the minibatch, before the updater divides it by the minibatch size, clips it (gradient normalization),
     * adds regularization and turns it into a step, all in place. The norm recorded is that of the minibatch's mean
     * gradient, as clipping receives it: one reduction per update and no extra forward pass.
     */
    private static final class ScoreListener extends BaseTrainingListener implements TrainingListener {
        private final FittedRows validationRows;
        private double sum;
        private int count;
        private double gradientNormSum;
        private int gradients;
        private long nanos;

        private final java.util.function.Consumer<Model> epochStarts;

        ScoreListener(FittedRows validationRows, java.util.function.Consumer<Model> epochStarts) {
            this.validationRows = validationRows;
            this.epochStarts = epochStarts;
        }

        @Override
        public void onEpochStart(Model model) {
            epochStarts.accept(model);
        }

        /** Records a minibatch the fast loop fitted. */
        void fitted(double score, double gradientNorm) {
            sum += score;
            count++;
            gradientNormSum += gradientNorm;
            gradients++;
        }

        @Override
        public void onGradientCalculation(Model model) {
            long start = System.nanoTime();
            if (model.gradient() != null && model.gradient().gradient() != null) {
                double examples = model.conf().isMiniBatch() ? Math.max(1, model.batchSize()) : 1;
                gradientNormSum += model.gradient().gradient().norm2Number().doubleValue() / examples;
                gradients++;
            }
            nanos += System.nanoTime() - start;
        }

        @Override
        public void iterationDone(Model model, int iteration, int epoch) {
            long start = System.nanoTime();
            sum += model.score();
            count++;
            validationRows.fitted(model.input());
            nanos += System.nanoTime() - start;
        }

        double meanGradientNorm() {
            return gradients == 0 ? Double.NaN : gradientNormSum / gradients;
        }

        void reset() {
            sum = 0;
            count = 0;
            gradientNormSum = 0;
            gradients = 0;
        }
    }
}
