package org.nnlab.harness.evaluate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.harness.Tensors;
import org.nnlab.protocol.Matrix;
import org.nnlab.protocol.TrainingJob;

/**
 * Measures a run's weights at each epoch's end ({@link TrainingJob#weightsFile}) again: each epoch's weights go into
 * the saved network, whose configuration they must fit, which then predicts the input in inference mode.
 */
final class EpochWeights {
    private EpochWeights() {
    }

    /**
     * @param network the run's saved network; its parameters are replaced
     * @param file    the weights file, written by the untrusted training JVM
     * @param input   the features to predict
     * @return the class probabilities of each epoch's weights, the epochs' matrices one below the other
     * @throws IOException when the file is not a whole number of epochs (one at least) of this network's parameters
     */
    static Matrix predict(MultiLayerNetwork network, Path file, INDArray input) throws IOException {
        long parameters = network.numParams();
        long size = Files.size(file);
        if (parameters == 0 || size == 0 || size % (4 * parameters) != 0 || size > TrainingJob.MAX_WEIGHTS_BYTES) {
            throw new IOException("the weights file holds " + size + " bytes, which is not a whole number of epochs "
                    + "of this network's " + parameters + " parameters (at most " + TrainingJob.MAX_WEIGHTS_BYTES
                    + " bytes)");
        }
        int epochs = (int) (size / (4 * parameters));
        float[] all = new float[(int) (size / 4)];
        ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(all);
        INDArray weights = Nd4j.createFromArray(all).reshape(epochs, parameters);
        int rows = (int) input.rows();
        int classes = -1;
        float[] predictions = null;
        for (int epoch = 0; epoch < epochs; epoch++) {
            network.setParams(weights.getRow(epoch, true).castTo(network.params().dataType()));
            Matrix epochPredictions = Tensors.matrix(network.output(input, false));
            if (predictions == null) {
                classes = epochPredictions.columns();
                predictions = new float[epochs * rows * classes];
            }
            System.arraycopy(epochPredictions.values(), 0, predictions, epoch * rows * classes, rows * classes);
        }
        return new Matrix(epochs * rows, classes, predictions, null);
    }
}
