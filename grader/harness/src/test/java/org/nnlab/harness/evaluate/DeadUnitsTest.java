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
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nnlab.protocol.LayerActivity;

class DeadUnitsTest {
    private final INDArray inputs = Nd4j.rand(new int[] {16, 4}).addi(0.1);

    @Test
    void unitsWhoseBiasKeepsThemBelowZeroForEveryInputAreDead() {
        MultiLayerNetwork network = network();
        network.getLayer(0).setParam("b", Nd4j.createFromArray(new float[][] {{0.5f, 0.5f, -100, 0.5f, -100, 0.5f}}));

        assertEquals(List.of(new LayerActivity(0, 6, 2), new LayerActivity(1, 5, 0)), DeadUnits.of(network, inputs));
    }

    @Test
    void aHealthyNetworkHasNoDeadUnitsAndTheOutputLayerIsNotCounted() {
        List<LayerActivity> layers = DeadUnits.of(network(), inputs);

        assertEquals(2, layers.size());
        assertEquals(0, layers.get(0).deadUnits());
    }

    /** @return a 4-6-5-3 network whose first layer's weights and biases are positive, so that every unit fires */
    private static MultiLayerNetwork network() {
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(1).updater(new Adam(0.01)).weightInit(WeightInit.RELU).list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(6).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(6).nOut(5).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(5).nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .build());
        network.init();
        network.getLayer(0).setParam("W", Nd4j.rand(new int[] {4, 6}).addi(0.1));
        network.getLayer(0).setParam("b", Nd4j.zeros(1, 6).addi(0.5));
        return network;
    }
}
