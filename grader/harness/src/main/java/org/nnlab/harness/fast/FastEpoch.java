package org.nnlab.harness.fast;

import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.DropOutInverted;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.harness.fast.DenseNetwork.Activation;
import org.nnlab.harness.fast.DenseNetwork.Layer;

/**
 * One epoch of a dense network trained in plain Java, taking the steps DL4J's {@code fit} takes for each minibatch:
 * the forward pass in training mode with DL4J's own dropout masks (drawn by ND4J's {@code DropOutInverted} on
 * arrays of the shape and ordering DL4J draws them on, so that the random stream is consumed alike), softmax
 * cross-entropy with DL4J's clipping, backpropagation, then the {@link UpdateStep}. At the epoch's end the
 * parameters, the updater's state, the score and the iteration count are written back into the network, which
 * then stands where DL4J's own epoch would have left it, up to float rounding. On networks this small, this is
 * several times faster than ND4J's op-by-op dispatch.
 */
public final class FastEpoch {
    private final MultiLayerNetwork network;
    private final DenseNetwork shape;

    private FastEpoch(MultiLayerNetwork network, DenseNetwork shape) {
        this.network = network;
        this.shape = shape;
    }

    /** @return the fast epoch of this network, or empty when it cannot be trained exactly as DL4J would */
    public static Optional<FastEpoch> of(MultiLayerNetwork network) {
        return DenseNetwork.of(network).map(shape -> new FastEpoch(network, shape));
    }

    /**
     * Fits every minibatch left in the epoch.
     *
     * @param batches the epoch's minibatches, of the network's input columns and output classes
     * @param sink    told of each minibatch fitted
     */
    public void train(Minibatches batches, MinibatchSink sink) {
        List<Layer> layers = shape.layers();
        Pass pass = new Pass(layers, batches.batchSize());
        UpdateStep step = new UpdateStep(shape);
        float[] params = network.params().dup().data().asFloat();
        float[] gradient = new float[params.length];
        int iteration = network.getIterationCount();
        int epoch = network.getEpochCount();
        double score = Double.NaN;
        int rows;
        while ((rows = batches.next(pass.source[0], pass.labels)) > 0) {
            double regularization = step.regularizationScore(params, iteration, epoch);
            pass.forward(params, rows);
            double loss = pass.outputDelta(rows, (float) shape.softmaxClipEps());
            java.util.Arrays.fill(gradient, 0f);
            pass.backward(params, gradient, rows);
            score = loss / rows + regularization;
            sink.fitted(score, norm(gradient) / rows);
            step.apply(params, gradient, rows, iteration, epoch);
            iteration++;
        }
        INDArray flat = network.params();
        flat.assign(Nd4j.create(params, flat.shape(), DataType.FLOAT));
        step.save();
        network.setIterationCount(iteration);
        if (!Double.isNaN(score)) {
            network.setScore(score);
        }
    }

    private static double norm(float[] values) {
        double sum = 0;
        for (float value : values) {
            sum += (double) value * value;
        }
        return Math.sqrt(sum);
    }

    /** The arrays of one minibatch's forward and backward pass, row after row, kept from batch to batch. */
    private static final class Pass {
        private final List<Layer> layers;
        /** each layer's input after dropout */
        private final float[][] input;
        /** each layer's input before dropout: the minibatch's features, then the hidden layers' activations */
        private final float[][] source;
        private final float[][] masks;
        private final float[][] activations;
        private final float[][] deltas;
        /** each layer's weights, {@code inputs x outputs} row after row */
        private final float[][] weights;
        private final float[] labels;

        Pass(List<Layer> layers, int batchSize) {
            this.layers = layers;
            int count = layers.size();
            input = new float[count][];
            source = new float[count][];
            masks = new float[count][];
            activations = new float[count][];
            deltas = new float[count][];
            weights = new float[count][];
            for (int l = 0; l < count; l++) {
                Layer layer = layers.get(l);
                activations[l] = new float[batchSize * layer.outputs()];
                deltas[l] = new float[batchSize * layer.outputs()];
                weights[l] = new float[layer.inputs() * layer.outputs()];
                source[l] = l == 0 ? new float[batchSize * layer.inputs()] : activations[l - 1];
                input[l] = layer.dropsOut() ? new float[batchSize * layer.inputs()] : source[l];
            }
            labels = new float[batchSize * layers.get(count - 1).outputs()];
        }

        void forward(float[] params, int rows) {
            for (int l = 0; l < layers.size(); l++) {
                Layer layer = layers.get(l);
                int inputs = layer.inputs();
                int outputs = layer.outputs();
                if (layer.dropsOut()) {
                    masks[l] = mask(layer.retainProbability(), rows, inputs);
                    for (int k = 0; k < rows * inputs; k++) {
                        input[l][k] = source[l][k] * masks[l][k];
                    }
                }
                transpose(params, layer.weights().offset(), inputs, outputs, weights[l]);
                float[] in = input[l];
                float[] out = activations[l];
                float[] w = weights[l];
                java.util.Arrays.fill(out, 0, rows * outputs, 0f);
                for (int r = 0; r < rows; r++) {
                    int o = r * outputs;
                    int x = r * inputs;
                    for (int i = 0; i < inputs; i++) {
                        float value = in[x + i];
                        if (value != 0) {
                            int row = i * outputs;
                            for (int j = 0; j < outputs; j++) {
                                out[o + j] += value * w[row + j];
                            }
                        }
                    }
                    int bias = layer.bias().offset();
                    for (int j = 0; j < outputs; j++) {
                        out[o + j] += params[bias + j];
                    }
                }
                activate(layer.activation(), out, rows * outputs, outputs);
            }
        }

        /** @return the minibatch's summed loss; leaves the output layer's delta, clipped softmax less labels */
        double outputDelta(int rows, float clip) {
            int last = layers.size() - 1;
            int classes = layers.get(last).outputs();
            float[] p = activations[last];
            float[] delta = deltas[last];
            double loss = 0;
            for (int k = 0; k < rows * classes; k++) {
                float probability = clip > 0 ? Math.min(Math.max(p[k], clip), 1 - clip) : p[k];
                if (labels[k] != 0) {
                    loss -= labels[k] * Math.log(probability);
                }
                delta[k] = probability - labels[k];
            }
            return loss;
        }

        void backward(float[] params, float[] gradient, int rows) {
            for (int l = layers.size() - 1; l >= 0; l--) {
                Layer layer = layers.get(l);
                int inputs = layer.inputs();
                int outputs = layer.outputs();
                float[] delta = deltas[l];
                float[] in = input[l];
                int weightOffset = layer.weights().offset();
                int biasOffset = layer.bias().offset();
                for (int r = 0; r < rows; r++) {
                    int x = r * inputs;
                    for (int j = 0; j < outputs; j++) {
                        float d = delta[r * outputs + j];
                        if (d != 0) {
                            int g = weightOffset + j * inputs;
                            for (int i = 0; i < inputs; i++) {
                                gradient[g + i] += d * in[x + i];
                            }
                            gradient[biasOffset + j] += d;
                        }
                    }
                }
                if (l == 0) {
                    return;
                }
                float[] previous = deltas[l - 1];
                java.util.Arrays.fill(previous, 0, rows * inputs, 0f);
                for (int r = 0; r < rows; r++) {
                    int o = r * inputs;
                    for (int j = 0; j < outputs; j++) {
                        float d = delta[r * outputs + j];
                        if (d != 0) {
                            int w = weightOffset + j * inputs;
                            for (int i = 0; i < inputs; i++) {
                                previous[o + i] += d * params[w + i];
                            }
                        }
                    }
                }
                if (layer.dropsOut()) {
                    for (int k = 0; k < rows * inputs; k++) {
                        previous[k] *= masks[l][k];
                    }
                }
                derivative(layers.get(l - 1).activation(), activations[l - 1], previous, rows * inputs);
            }
        }

        /**
         * @return DL4J's mask for one layer's input: ND4J's draw on an array of the input's shape and ordering (row
         *     after row, as DL4J's dense layers keep their inputs and activations)
         */
        private static float[] mask(double retain, int rows, int columns) {
            INDArray mask = Nd4j.createUninitialized(DataType.FLOAT, new long[] {rows, columns}, 'c').assign(1.0);
            Nd4j.getExecutioner().exec(new DropOutInverted(mask, mask, retain));
            return mask.data().asFloat();
        }

        private static void transpose(float[] params, int offset, int inputs, int outputs, float[] rowMajor) {
            for (int j = 0; j < outputs; j++) {
                int column = offset + j * inputs;
                for (int i = 0; i < inputs; i++) {
                    rowMajor[i * outputs + j] = params[column + i];
                }
            }
        }

        private static void activate(Activation activation, float[] values, int length, int width) {
            switch (activation) {
                case RELU -> {
                    for (int k = 0; k < length; k++) {
                        values[k] = Math.max(values[k], 0f);
                    }
                }
                case TANH -> {
                    for (int k = 0; k < length; k++) {
                        values[k] = (float) Math.tanh(values[k]);
                    }
                }
                case SIGMOID -> {
                    for (int k = 0; k < length; k++) {
                        values[k] = (float) (1 / (1 + Math.exp(-values[k])));
                    }
                }
                case SOFTMAX -> softmax(values, length, width);
                case IDENTITY -> {
                }
            }
        }

        private static void softmax(float[] values, int length, int width) {
            for (int row = 0; row < length; row += width) {
                float max = Float.NEGATIVE_INFINITY;
                for (int k = row; k < row + width; k++) {
                    max = Math.max(max, values[k]);
                }
                float sum = 0;
                for (int k = row; k < row + width; k++) {
                    values[k] = (float) Math.exp(values[k] - max);
                    sum += values[k];
                }
                for (int k = row; k < row + width; k++) {
                    values[k] /= sum;
                }
            }
        }

        /** Turns the gradient of a hidden layer's activations into that of its pre-activations, in place. */
        private static void derivative(Activation activation, float[] activations, float[] gradient, int length) {
            switch (activation) {
                case RELU -> {
                    for (int k = 0; k < length; k++) {
                        if (activations[k] <= 0) {
                            gradient[k] = 0;
                        }
                    }
                }
                case TANH -> {
                    for (int k = 0; k < length; k++) {
                        gradient[k] *= 1 - activations[k] * activations[k];
                    }
                }
                case SIGMOID -> {
                    for (int k = 0; k < length; k++) {
                        gradient[k] *= activations[k] * (1 - activations[k]);
                    }
                }
                case IDENTITY, SOFTMAX -> {
                }
            }
        }
    }
}
