import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nnlab.api.EpochMetrics;
import org.nnlab.api.LabContext;
import org.nnlab.api.LabSolution;
import org.nnlab.api.TrackedRun;

/** Reference solution of the early-stopping lab (instructor only). */
public class Solution implements LabSolution {

    @Override
    public void train(LabContext ctx) {
        int patience = ctx.intParam("patience");
        MultiLayerNetwork network = new MultiLayerNetwork(mlp(ctx.seed(), ctx.doubleParam("learningRate")));
        network.init();
        TrackedRun run = ctx.track("mlp", network);

        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        INDArray bestWeights = network.params().dup();
        for (int epoch = 1; epoch <= ctx.intParam("maxEpochs"); epoch++) {
            network.fit(ctx.trainingBatches(ctx.intParam("batchSize")));
            EpochMetrics metrics = run.endEpoch();
            if (metrics.validationLoss() < bestLoss) {
                bestLoss = metrics.validationLoss();
                bestEpoch = epoch;
                bestWeights = network.params().dup();
            } else if (epoch - bestEpoch >= patience) {
                ctx.log().printf("epoch %d: no improvement for %d epochs, stopping; best epoch %d%n", epoch,
                        patience, bestEpoch);
                break;
            }
        }
        network.setParams(bestWeights);
        ctx.report("bestValidationLoss", bestLoss);
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
