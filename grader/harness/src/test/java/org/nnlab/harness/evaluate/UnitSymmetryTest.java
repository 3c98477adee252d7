package org.nnlab.harness.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nnlab.protocol.LayerSymmetry;

class UnitSymmetryTest {

    @Test
    void unitsEqualWithinTheToleranceCountAsOne() {
        float[][] units = {{0f, 1f}, {0f, 1.0000001f}, {0.5f, 1f}, {0f, 1f}};

        assertEquals(2, UnitSymmetry.distinctUnits(units, 1e-6));
        assertEquals(3, UnitSymmetry.distinctUnits(units, 1e-9));
    }

    @Test
    void aZeroInitializedReluNetworkKeepsOneUnitPerHiddenLayerAfterTraining() {
        MultiLayerNetwork network = trained(WeightInit.ZERO, Activation.RELU);

        // Only the output biases learn: they follow the class counts (3, 3 and 2), so the units of the two classes
        // with 3 examples are copies as well.
        assertEquals(List.of(new LayerSymmetry(0, 6, 1, true), new LayerSymmetry(1, 5, 1, true),
                new LayerSymmetry(2, 3, 2, false)), UnitSymmetry.of(network));
    }

    @Test
    void aZeroInitializedTanhNetworkStaysSymmetricToo() {
        MultiLayerNetwork network = trained(WeightInit.ZERO, Activation.TANH);

        List<LayerSymmetry> layers = UnitSymmetry.of(network);

        assertEquals(1, layers.get(0).distinctUnits());
        assertEquals(1, layers.get(1).distinctUnits());
    }

    @Test
    void aHeInitializedNetworkHasEveryUnitDistinct() {
        MultiLayerNetwork network = trained(WeightInit.RELU, Activation.RELU);

        assertEquals(List.of(new LayerSymmetry(0, 6, 6, true), new LayerSymmetry(1, 5, 5, true),
                new LayerSymmetry(2, 3, 3, false)), UnitSymmetry.of(network));
    }

    @Test
    void twoUnitsWithTheSameWeightsButDifferentBiasesAreDistinct() {
        MultiLayerNetwork network = network(WeightInit.ZERO, Activation.RELU);
        network.getLayer(0).setParam("b", Nd4j.createFromArray(new float[][] {{0, 0, 0, 0, 0, 0.5f}}));

        assertEquals(2, UnitSymmetry.of(network).get(0).distinctUnits());
    }

    /** @return a 4-6-5-3 network trained for 20 steps on 8 random examples */
    private static MultiLayerNetwork trained(WeightInit init, Activation activation) {
        MultiLayerNetwork network = network(init, activation);
        Nd4j.getRandom().setSeed(7);
        var features = Nd4j.rand(8, 4);
        var labels = Nd4j.zeros(8, 3);
        for (int row = 0; row < 8; row++) {
            labels.putScalar(row, row % 3, 1);
        }
        for (int step = 0; step < 20; step++) {
            network.fit(features, labels);
        }
        return network;
    }

    private static MultiLayerNetwork network(WeightInit init, Activation activation) {
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(1).updater(new Adam(0.01)).weightInit(init).list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(6).activation(activation).build())
                .layer(new DenseLayer.Builder().nIn(6).nOut(5).activation(activation).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(5).nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .build());
        network.init();
        return network;
    }
}
