package org.nnlab.harness.fast;

import java.util.Arrays;
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
        while ((rows = batches.next(pass.features(), pass.labels())) > 0) {
            double regularization = step.regularizationScore(params, iteration, epoch);
            pass.forward(params, rows);
            double loss = pass.outputDelta(rows, (float) shape.softmaxClipEps());
            pass.backward(gradient, rows);
            score = loss / rows + regularization;
            sink.fitted(score, Math.sqrt(UpdateStep.sumOfSquares(gradient, 0, gradient.length)) / rows);
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

    /**
     * The arrays of one minibatch's forward and backward pass, kept from batch to batch. Every array the inner loops
     * run over is a row of its own, indexed from 0: HotSpot's C2 (in Java 17) turns such a loop into vector code,
     * but not one that indexes two arrays at two different offsets, since it cannot tell that they do not overlap.
     * The three multiply-add loops are written out where they run rather than in one helper: with such a helper,
     * the digits reference trained up to 45 % slower in the sandbox (median 12 %, seven interleaved pairs), most
     * likely because C2 does not inline a method whose compiled code is already large, as a vectorized loop's is.
     */
    private static final class Pass {
        private final List<Layer> layers;
        /** each layer's input before dropout, by row: the minibatch's features, then the hidden activations */
        private final float[][][] source;
        /** each layer's input after dropout, by row */
        private final float[][][] input;
        private final float[][][] masks;
        private final float[][][] activations;
        private final float[][][] deltas;
        /** each layer's weights by input: {@code [inputs][outputs]} */
        private final float[][][] weightRows;
        /** each layer's weights by unit, as DL4J lays them out: {@code [outputs][inputs]} */
        private final float[][][] weightColumns;
        private final float[][] biases;
        /** the gradient of each layer's weights, as {@link #weightColumns} */
        private final float[][][] weightGradients;
        private final float[][] biasGradients;
        private final float[][] labels;

        Pass(List<Layer> layers, int batchSize) {
            this.layers = layers;
            int count = layers.size();
            source = new float[count][][];
            input = new float[count][][];
            masks = new float[count][][];
            activations = new float[count][][];
            deltas = new float[count][][];
            weightRows = new float[count][][];
            weightColumns = new float[count][][];
            biases = new float[count][];
            weightGradients = new float[count][][];
            biasGradients = new float[count][];
            for (int l = 0; l < count; l++) {
                Layer layer = layers.get(l);
                activations[l] = new float[batchSize][layer.outputs()];
                deltas[l] = new float[batchSize][layer.outputs()];
                weightRows[l] = new float[layer.inputs()][layer.outputs()];
                weightColumns[l] = new float[layer.outputs()][layer.inputs()];
                biases[l] = new float[layer.outputs()];
                weightGradients[l] = new float[layer.outputs()][layer.inputs()];
                biasGradients[l] = new float[layer.outputs()];
                source[l] = l == 0 ? new float[batchSize][layer.inputs()] : activations[l - 1];
                input[l] = layer.dropsOut() ? new float[batchSize][layer.inputs()] : source[l];
                masks[l] = layer.dropsOut() ? new float[batchSize][layer.inputs()] : null;
            }
            labels = new float[batchSize][layers.get(count - 1).outputs()];
        }

        /** @return where the minibatch's features are copied, row by row */
        float[][] features() {
            return source[0];
        }

        float[][] labels() {
            return labels;
        }

        void forward(float[] params, int rows) {
            for (int l = 0; l < layers.size(); l++) {
                Layer layer = layers.get(l);
                int inputs = layer.inputs();
                int outputs = layer.outputs();
                read(params, layer, l);
                if (layer.dropsOut()) {
                    mask(layer.retainProbability(), rows, inputs, masks[l]);
                    for (int r = 0; r < rows; r++) {
                        float[] from = source[l][r];
                        float[] to = input[l][r];
                        float[] mask = masks[l][r];
                        for (int i = 0; i < inputs; i++) {
                            to[i] = from[i] * mask[i];
                        }
                    }
                }
                float[] bias = biases[l];
                for (int r = 0; r < rows; r++) {
                    float[] in = input[l][r];
                    float[] out = activations[l][r];
                    Arrays.fill(out, 0f);
                    for (int i = 0; i < inputs; i++) {
                        float value = in[i];
                        if (value != 0) {
                            float[] weights = weightRows[l][i];
                            for (int j = 0; j < outputs; j++) {
                                out[j] += value * weights[j];
                            }
                        }
                    }
                    for (int j = 0; j < outputs; j++) {
                        out[j] += bias[j];
                    }
                    activate(layer.activation(), out);
                }
            }
        }

        /** @return the minibatch's summed loss; leaves the output layer's delta, clipped softmax less labels */
        double outputDelta(int rows, float clip) {
            int last = layers.size() - 1;
            double loss = 0;
            for (int r = 0; r < rows; r++) {
                float[] p = activations[last][r];
                float[] y = labels[r];
                float[] delta = deltas[last][r];
                for (int k = 0; k < p.length; k++) {
                    float probability = clip > 0 ? Math.min(Math.max(p[k], clip), 1 - clip) : p[k];
                    if (y[k] != 0) {
                        loss -= y[k] * Math.log(probability);
                    }
                    delta[k] = probability - y[k];
                }
            }
            return loss;
        }

        /** Backpropagates the output layer's delta, leaving the summed gradient in the flattened array. */
        void backward(float[] gradient, int rows) {
            for (int l = layers.size() - 1; l >= 0; l--) {
                Layer layer = layers.get(l);
                int inputs = layer.inputs();
                int outputs = layer.outputs();
                float[] biasGradient = biasGradients[l];
                for (float[] column : weightGradients[l]) {
                    Arrays.fill(column, 0f);
                }
                Arrays.fill(biasGradient, 0f);
                for (int r = 0; r < rows; r++) {
                    float[] delta = deltas[l][r];
                    float[] in = input[l][r];
                    for (int j = 0; j < outputs; j++) {
                        float d = delta[j];
                        if (d != 0) {
                            float[] column = weightGradients[l][j];
                            for (int i = 0; i < inputs; i++) {
                                column[i] += d * in[i];
                            }
                        }
                    }
                    for (int j = 0; j < outputs; j++) {
                        biasGradient[j] += delta[j];
                    }
                }
                write(layer, l, gradient);
                if (l == 0) {
                    return;
                }
                for (int r = 0; r < rows; r++) {
                    float[] delta = deltas[l][r];
                    float[] previous = deltas[l - 1][r];
                    Arrays.fill(previous, 0f);
                    for (int j = 0; j < outputs; j++) {
                        float d = delta[j];
                        if (d != 0) {
                            float[] weights = weightColumns[l][j];
                            for (int i = 0; i < inputs; i++) {
                                previous[i] += d * weights[i];
                            }
                        }
                    }
                    if (layer.dropsOut()) {
                        float[] mask = masks[l][r];
                        for (int i = 0; i < inputs; i++) {
                            previous[i] *= mask[i];
                        }
                    }
                    derivative(layers.get(l - 1).activation(), activations[l - 1][r], previous);
                }
            }
        }

        /** Copies one layer's parameters out of the flattened array, by unit and by input. */
        private void read(float[] params, Layer layer, int l) {
            int inputs = layer.inputs();
            int offset = layer.weights().offset();
            for (int j = 0; j < layer.outputs(); j++) {
                float[] column = weightColumns[l][j];
                System.arraycopy(params, offset + j * inputs, column, 0, inputs);
                for (int i = 0; i < inputs; i++) {
                    weightRows[l][i][j] = column[i];
                }
            }
            System.arraycopy(params, layer.bias().offset(), biases[l], 0, layer.outputs());
        }

        private void write(Layer layer, int l, float[] gradient) {
            int inputs = layer.inputs();
            for (int j = 0; j < layer.outputs(); j++) {
                System.arraycopy(weightGradients[l][j], 0, gradient, layer.weights().offset() + j * inputs, inputs);
            }
            System.arraycopy(biasGradients[l], 0, gradient, layer.bias().offset(), layer.outputs());
        }

        /**
         * Draws DL4J's mask for one layer's input: ND4J's {@code DropOutInverted} on an array of the input's shape
         * and ordering (row after row, as DL4J's dense layers keep their inputs and activations).
         */
        private static void mask(double retain, int rows, int columns, float[][] mask) {
            INDArray drawn = Nd4j.createUninitialized(DataType.FLOAT, new long[] {rows, columns}, 'c').assign(1.0);
            Nd4j.getExecutioner().exec(new DropOutInverted(drawn, drawn, retain));
            float[] values = drawn.data().asFloat();
            for (int r = 0; r < rows; r++) {
                System.arraycopy(values, r * columns, mask[r], 0, columns);
            }
        }

        private static void activate(Activation activation, float[] values) {
            switch (activation) {
                case RELU -> {
                    for (int k = 0; k < values.length; k++) {
                        values[k] = Math.max(values[k], 0f);
                    }
                }
                case TANH -> {
                    for (int k = 0; k < values.length; k++) {
                        values[k] = (float) Math.tanh(values[k]);
                    }
                }
                case SIGMOID -> {
                    for (int k = 0; k < values.length; k++) {
                        values[k] = (float) (1 / (1 + Math.exp(-values[k])));
                    }
                }
                case SOFTMAX -> softmax(values);
                case IDENTITY -> {
                }
            }
        }

        private static void softmax(float[] values) {
            float max = Float.NEGATIVE_INFINITY;
            for (float value : values) {
                max = Math.max(max, value);
            }
            float sum = 0;
            for (int k = 0; k < values.length; k++) {
                values[k] = (float) Math.exp(values[k] - max);
                sum += values[k];
            }
            for (int k = 0; k < values.length; k++) {
                values[k] /= sum;
            }
        }

        /** Turns the gradient of a hidden layer's activations into that of its pre-activations, in place. */
        private static void derivative(Activation activation, float[] activations, float[] gradient) {
            switch (activation) {
                case RELU -> {
                    for (int k = 0; k < gradient.length; k++) {
                        if (activations[k] <= 0) {
                            gradient[k] = 0;
                        }
                    }
                }
                case TANH -> {
                    for (int k = 0; k < gradient.length; k++) {
                        gradient[k] *= 1 - activations[k] * activations[k];
                    }
                }
                case SIGMOID -> {
                    for (int k = 0; k < gradient.length; k++) {
                        gradient[k] *= activations[k] * (1 - activations[k]);
                    }
                }
                case IDENTITY, SOFTMAX -> {
                }
            }
        }
    }
}
