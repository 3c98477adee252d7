package org.nnlab.kit;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nnlab.api.LabContext;
import org.nnlab.api.LabSolution;
import org.nnlab.api.TrackedRun;

/** Trains run A only, a softmax regression, for the lab's epochs, and reports one value. */
public class OneRunSolution implements LabSolution {

    @Override
    public void train(LabContext ctx) {
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(ctx.seed())
                .updater(new Adam(1e-2)).list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(64).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .build());
        network.init();
        TrackedRun run = ctx.track("A", network);
        for (int epoch = 0; epoch < ctx.intParam("epochs"); epoch++) {
            network.fit(ctx.trainingBatches(ctx.intParam("batchSize")));
            run.endEpoch();
        }
        ctx.log().println("trained A");
        ctx.report("answer", 42);
    }
}
