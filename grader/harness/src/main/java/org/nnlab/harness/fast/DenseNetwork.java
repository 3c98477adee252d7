package org.nnlab.harness.fast;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.api.OptimizationAlgorithm;
import org.deeplearning4j.nn.api.TrainingConfig;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.learning.regularization.L1Regularization;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * What the fast loop needs to know of a network it can train exactly as DL4J's {@code fit} would: a plain
 * {@link MultiLayerNetwork} of dense layers with biases under a softmax output layer with unweighted multi-class
 * cross-entropy, float parameters on the CPU backend, minibatch SGD with Adam, SGD or Nesterov momentum, L1, L2 or
 * weight decay, inverted dropout with a fixed probability, and nothing else (no gradient normalization,
 * constraints, weight noise, layer norm or input preprocessors). Read again at every epoch: changing the learning
 * rate replaces the network's updater.
 */
final class DenseNetwork {
    /** A hidden layer's activation, or the output layer's softmax. */
    enum Activation { RELU, TANH, SIGMOID, IDENTITY, SOFTMAX }

    /**
     * One layer.
     *
     * @param inputs            its input columns
     * @param outputs           its units
     * @param weights           its weights, {@code inputs x outputs} in column-major order as DL4J keeps them
     * @param bias              its biases
     * @param activation        its activation
     * @param retainProbability the probability inverted dropout keeps each of its inputs, or NaN without dropout
     */
    record Layer(int inputs, int outputs, Param weights, Param bias, Activation activation,
                 double retainProbability) {
        boolean dropsOut() {
            return !Double.isNaN(retainProbability);
        }
    }

    /** One parameter array: where it lies in the flattened parameters, its updater and its regularization. */
    record Param(int offset, int length, IUpdater updater, List<Regularization> regularization) {
    }

    /**
     * One of the updater's blocks: a run of parameters sharing one updater, with its state.
     *
     * @param block   DL4J's block, whose view holds the state
     * @param updater the block's updater configuration
     */
    record Block(UpdaterBlock block, IUpdater updater) {
        int start() {
            return block.getParamOffsetStart();
        }

        int end() {
            return block.getParamOffsetEnd();
        }
    }

    private final List<Layer> layers;
    private final List<Param> params;
    private final List<Block> blocks;
    private final double softmaxClipEps;

    private DenseNetwork(List<Layer> layers, List<Block> blocks, double softmaxClipEps) {
        this.layers = List.copyOf(layers);
        this.params = layers.stream().flatMap(layer -> java.util.stream.Stream.of(layer.weights(), layer.bias()))
                .toList();
        this.blocks = List.copyOf(blocks);
        this.softmaxClipEps = softmaxClipEps;
    }

    /** @return the network's shape, or empty when the fast loop cannot train it exactly as DL4J would */
    static Optional<DenseNetwork> of(MultiLayerNetwork network) {
        MultiLayerConfiguration configuration = network.getLayerWiseConfigurations();
        if (network.getClass() != MultiLayerNetwork.class || !cpuBackend()
                || configuration.getBackpropType() != BackpropType.Standard
                || !configuration.getInputPreProcessors().isEmpty() || network.params() == null
                || network.params().dataType() != DataType.FLOAT || network.getnLayers() < 1) {
            return Optional.empty();
        }
        List<Layer> layers = new ArrayList<>();
        double clipEps = 0;
        int offset = 0;
        for (int index = 0; index < network.getnLayers(); index++) {
            NeuralNetConfiguration conf = configuration.getConf(index);
            boolean output = index == network.getnLayers() - 1;
            Optional<Layer> layer = layer(network.getLayer(index), conf, output, offset);
            if (layer.isEmpty()) {
                return Optional.empty();
            }
            layers.add(layer.get());
            offset += layer.get().weights().length() + layer.get().bias().length();
            if (output) {
                clipEps = ((LossMCXENT) ((OutputLayer) conf.getLayer()).getLossFn()).getSoftmaxClipEps();
            }
        }
        for (int index = 1; index < layers.size(); index++) {
            if (layers.get(index).inputs() != layers.get(index - 1).outputs()) {
                return Optional.empty();
            }
        }
        if (offset != network.numParams()) {
            return Optional.empty();
        }
        double eps = clipEps;
        return blocks(network, offset).map(found -> new DenseNetwork(layers, found, eps));
    }

    private static Optional<Layer> layer(org.deeplearning4j.nn.api.Layer layer, NeuralNetConfiguration conf,
                                         boolean output, int offset) {
        org.deeplearning4j.nn.conf.layers.Layer layerConf = conf.getLayer();
        if (!conf.isMiniBatch() || !conf.isMinimize() || conf.getStepFunction() != null
                || conf.getOptimizationAlgo() != OptimizationAlgorithm.STOCHASTIC_GRADIENT_DESCENT
                || layerConf.getClass() != (output ? OutputLayer.class : DenseLayer.class)) {
            return Optional.empty();
        }
        BaseLayer base = (BaseLayer) layerConf;
        boolean plain = (base.getGradientNormalization() == null
                || base.getGradientNormalization() == GradientNormalization.None)
                && base.getWeightNoise() == null
                && (layerConf.getConstraints() == null || layerConf.getConstraints().isEmpty());
        boolean biased = output ? ((OutputLayer) layerConf).hasBias()
                : ((DenseLayer) layerConf).hasBias() && !((DenseLayer) layerConf).hasLayerNorm();
        if (!plain || !biased || (output && !unweightedCrossEntropy((OutputLayer) layerConf))) {
            return Optional.empty();
        }
        Activation activation = activation(base.getActivationFn(), output);
        double retain = retainProbability(layerConf.getIDropout());
        Map<String, INDArray> table = layer.paramTable();
        INDArray weights = table.get("W");
        INDArray bias = table.get("b");
        if (activation == null || retain == 0 || table.size() != 2 || weights == null || bias == null
                || weights.rank() != 2 || weights.ordering() != 'f' || !List.copyOf(table.keySet())
                .equals(List.of("W", "b"))) {
            return Optional.empty();
        }
        int inputs = (int) weights.size(0);
        int outputs = (int) weights.size(1);
        if (bias.length() != outputs) {
            return Optional.empty();
        }
        TrainingConfig training = layer.getConfig();
        Param w = new Param(offset, inputs * outputs, training.getUpdaterByParam("W"),
                regularization(training.getRegularizationByParam("W")));
        Param b = new Param(offset + inputs * outputs, outputs, training.getUpdaterByParam("b"),
                regularization(training.getRegularizationByParam("b")));
        if (!supported(w.updater()) || !supported(b.updater()) || w.regularization() == null
                || b.regularization() == null) {
            return Optional.empty();
        }
        return Optional.of(new Layer(inputs, outputs, w, b, activation, retain));
    }

    /** @return the layers, input layer first */
    List<Layer> layers() {
        return layers;
    }

    /** @return every parameter array, in the order of the flattened parameters */
    List<Param> params() {
        return params;
    }

    /** @return the updater's blocks, in the order of the flattened parameters */
    List<Block> blocks() {
        return blocks;
    }

    /** @return how far the loss keeps softmax outputs from 0 and 1 */
    double softmaxClipEps() {
        return softmaxClipEps;
    }

    private static boolean cpuBackend() {
        return Nd4j.getBackend().getClass().getName().contains("Cpu");
    }

    private static boolean unweightedCrossEntropy(OutputLayer layer) {
        return layer.getLossFn() != null && layer.getLossFn().getClass() == LossMCXENT.class
                && ((LossMCXENT) layer.getLossFn()).getWeights() == null;
    }

    private static Activation activation(IActivation function, boolean output) {
        if (function == null) {
            return null;
        }
        if (output) {
            return function.getClass() == ActivationSoftmax.class ? Activation.SOFTMAX : null;
        }
        if (function.getClass() == ActivationReLU.class) {
            ActivationReLU relu = (ActivationReLU) function;
            boolean plain = relu.getMax() == null && zeroOrAbsent(relu.getThreshold())
                    && zeroOrAbsent(relu.getNegativeSlope());
            return plain ? Activation.RELU : null;
        }
        if (function.getClass() == ActivationTanH.class) {
            return Activation.TANH;
        }
        if (function.getClass() == ActivationSigmoid.class) {
            return Activation.SIGMOID;
        }
        return function.getClass() == ActivationIdentity.class ? Activation.IDENTITY : null;
    }

    private static boolean zeroOrAbsent(Double value) {
        return value == null || value == 0.0;
    }

    /** @return the retain probability of plain inverted dropout, NaN without dropout, 0 for any other kind */
    private static double retainProbability(IDropout dropout) {
        if (dropout == null) {
            return Double.NaN;
        }
        if (dropout.getClass() != Dropout.class || ((Dropout) dropout).getPSchedule() != null) {
            return 0;
        }
        double p = ((Dropout) dropout).getP();
        return p > 0 && p <= 1 ? p : 0;
    }

    /** @return the regularization, or null when some of it is of a kind the fast loop does not know */
    private static List<Regularization> regularization(List<Regularization> regularization) {
        if (regularization == null) {
            return List.of();
        }
        for (Regularization each : regularization) {
            Class<?> kind = each.getClass();
            if (kind != L1Regularization.class && kind != L2Regularization.class && kind != WeightDecay.class) {
                return null;
            }
        }
        return List.copyOf(regularization);
    }

    private static boolean supported(IUpdater updater) {
        return updater != null
                && (updater.getClass() == Adam.class || updater.getClass() == Sgd.class
                || updater.getClass() == Nesterovs.class);
    }

    /** @return the updater's blocks, when they cover the parameters one after another with known updaters */
    private static Optional<List<Block>> blocks(MultiLayerNetwork network, int parameterCount) {
        if (!(network.getUpdater() instanceof MultiLayerUpdater updater)) {
            return Optional.empty();
        }
        List<Block> blocks = new ArrayList<>();
        int next = 0;
        for (UpdaterBlock block : updater.getUpdaterBlocks()) {
            if (block.getParamOffsetStart() != next || block.getLayersAndVariablesInBlock().isEmpty()) {
                return Optional.empty();
            }
            UpdaterBlock.ParamState first = block.getLayersAndVariablesInBlock().get(0);
            IUpdater config = first.getLayer().getConfig().getUpdaterByParam(first.getParamName());
            long stateLength = block.getUpdaterView() == null ? 0 : block.getUpdaterView().length();
            long length = block.getParamOffsetEnd() - block.getParamOffsetStart();
            long expected = config instanceof Adam ? 2 * length : config instanceof Nesterovs ? length : 0;
            if (!supported(config) || stateLength != expected) {
                return Optional.empty();
            }
            blocks.add(new Block(block, config));
            next = block.getParamOffsetEnd();
        }
        return next == parameterCount ? Optional.of(blocks) : Optional.empty();
    }
}
