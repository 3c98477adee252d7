package org.nnlab.harness.evaluate;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.protocol.LayerActivity;

/**
 * Counts the units of each hidden layer with a weight matrix that output exactly 0 for every example of an input,
 * in inference mode: ReLU units that never fire get no gradient and stay dead.
 */
final class DeadUnits {

    private DeadUnits() {
    }

    /** @return the dead units of each hidden layer with a two-dimensional weight matrix, in layer order */
    static List<LayerActivity> of(MultiLayerNetwork network, INDArray input) {
        List<LayerActivity> layers = new ArrayList<>();
        Layer[] all = network.getLayers();
        List<INDArray> activations = network.feedForward(input, false);
        for (int index = 0; index < all.length - 1; index++) {
            INDArray weights = all[index].getParam(DefaultParamInitializer.WEIGHT_KEY);
            INDArray output = activations.get(index + 1);
            if (weights == null || weights.rank() != 2 || output.rank() != 2) {
                continue;
            }
            INDArray largest = output.amax(0);
            int dead = 0;
            for (long unit = 0; unit < largest.length(); unit++) {
                if (largest.getDouble(unit) == 0) {
                    dead++;
                }
            }
            layers.add(new LayerActivity(index, (int) largest.length(), dead));
        }
        return layers;
    }
}
