import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nnlab.api.EpochMetrics;
import org.nnlab.api.LabContext;
import org.nnlab.api.LabSolution;
import org.nnlab.api.TrackedRun;

/**
 * Starter for the early-stopping lab. It trains for all maxEpochs epochs and saves the last weights: add the
 * early stopping on the validation loss, restore the best weights and report the best validation loss.
 */
public class Solution implements LabSolution {

    @Override
    public void train(LabContext ctx) {
        MultiLayerNetwork network = new MultiLayerNetwork(mlp(ctx.seed(), ctx.doubleParam("learningRate")));
        network.init();
        TrackedRun run = ctx.track("mlp", network);

        for (int epoch = 1; epoch <= ctx.intParam("maxEpochs"); epoch++) {
            network.fit(ctx.trainingBatches(ctx.intParam("batchSize")));
            EpochMetrics metrics = run.endEpoch();
            // TODO keep the best validation loss so far and a copy of the weights of that epoch
            // (network.params().dup()); stop once ctx.intParam("patience") epochs in a row did not improve on it.
        }
        // TODO put the best weights back (network.setParams(...)) and report the best validation loss:
        // ctx.report("bestValidationLoss", ...);
    }

    /** A 64-256-256-10 multilayer perceptron with Adam and no regularization: it overfits after a while. */
    private static MultiLayerConfiguration mlp(long seed, double learningRate) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.RELU)
                .list()
                .layer(new DenseLayer.Builder().nIn(64).nOut(256).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(256).nOut(256).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(256).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .build();
    }
}
