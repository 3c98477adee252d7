package org.nnlab.harness.evaluate;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.protocol.LayerSymmetry;

/**
 * Counts the distinct units of each layer of a network that has a weight matrix: units whose incoming weights and
 * bias are equal within {@link #TOLERANCE} count as one. A network initialized with equal weights keeps its units
 * equal for good, since equal units get equal gradients; this is how the grader sees it on the saved network.
 */
final class UnitSymmetry {
    /** The largest absolute difference of two weights (or biases) that still counts as equal. */
    static final double TOLERANCE = 1e-6;

    private UnitSymmetry() {
    }

    /** @return the distinct units of each layer with a two-dimensional weight matrix, in layer order */
    static List<LayerSymmetry> of(MultiLayerNetwork network) {
        List<LayerSymmetry> layers = new ArrayList<>();
        Layer[] all = network.getLayers();
        for (int index = 0; index < all.length; index++) {
            INDArray weights = all[index].getParam(DefaultParamInitializer.WEIGHT_KEY);
            if (weights == null || weights.rank() != 2) {
                continue;
            }
            float[][] units = incoming(weights, all[index].getParam(DefaultParamInitializer.BIAS_KEY));
            layers.add(new LayerSymmetry(index, units.length, distinctUnits(units, TOLERANCE),
                    index < all.length - 1));
        }
        return layers;
    }

    /** @return one row per unit: the weights into it (a column of DL4J's {@code [nIn, nOut]} matrix), then its bias */
    private static float[][] incoming(INDArray weights, INDArray bias) {
        float[][] columns = weights.toFloatMatrix();
        float[] biases = bias == null ? null : bias.reshape(bias.length()).toFloatVector();
        int inputs = columns.length;
        int units = columns[0].length;
        float[][] rows = new float[units][inputs + 1];
        for (int unit = 0; unit < units; unit++) {
            for (int input = 0; input < inputs; input++) {
                rows[unit][input] = columns[input][unit];
            }
            rows[unit][inputs] = biases == null ? 0 : biases[unit];
        }
        return rows;
    }

    /**
     * @param units     one parameter vector per unit, all of the same length
     * @param tolerance the largest absolute difference of two parameters that still counts as equal
     * @return how many groups of equal units there are: each unit joins the first earlier group it equals
     */
    static int distinctUnits(float[][] units, double tolerance) {
        List<float[]> groups = new ArrayList<>();
        for (float[] unit : units) {
            if (groups.stream().noneMatch(group -> equal(group, unit, tolerance))) {
                groups.add(unit);
            }
        }
        return groups.size();
    }

    private static boolean equal(float[] a, float[] b, double tolerance) {
        for (int i = 0; i < a.length; i++) {
            if (!(Math.abs(a[i] - b[i]) <= tolerance)) {
                return false;
            }
        }
        return true;
    }
}
