import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nnlab.api.LabContext;
import org.nnlab.api.LabSolution;
import org.nnlab.api.TrackedRun;

/**
 * Starter for the optimizers lab. The SGD and Adam runs train as they are; the Momentum and RMSProp runs and the
 * ranking of convergence speed are still to be written.
 */
public class Solution implements LabSolution {

    @Override
    public void train(LabContext ctx) {
        train(ctx, "SGD", new Sgd(ctx.doubleParam("sgdLearningRate")));
        // TODO the Momentum run: Nesterovs(learning rate, momentum) with the lab's momentumLearningRate and momentum.
        // TODO the RMSProp run: RmsProp(learning rate) with the lab's rmsPropLearningRate.
        train(ctx, "Adam", new Adam(ctx.doubleParam("adamLearningRate")));

        // TODO rank the four runs by the first epoch whose validation loss is at most ctx.doubleParam("lossLevel")
        // (1 = fastest, equal epochs share a rank, runs that never reach it share the last rank), then report
        // ctx.report("rank.SGD", rank); and likewise for Momentum, RMSProp and Adam.
    }

    /** Trains one run of the lab's epochs; endEpoch() returns the epoch's metrics, validation loss included. */
    private static void train(LabContext ctx, String name, IUpdater updater) {
        MultiLayerNetwork network = new MultiLayerNetwork(mlp(ctx.seed(), updater));
        network.init();
        TrackedRun run = ctx.track(name, network);
        for (int epoch = 1; epoch <= ctx.intParam("epochs"); epoch++) {
            network.fit(ctx.trainingBatches(ctx.intParam("batchSize")));
            run.endEpoch();
        }
    }

    /** A 64-64-10 ReLU multilayer perceptron trained with the given updater. */
    private static MultiLayerConfiguration mlp(long seed, IUpdater updater) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(updater)
                .weightInit(WeightInit.RELU)
                .list()
                .layer(new DenseLayer.Builder().nIn(64).nOut(64).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(64).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .build();
    }
}
