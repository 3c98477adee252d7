import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nnlab.api.EpochMetrics;
import org.nnlab.api.LabContext;
import org.nnlab.api.LabSolution;
import org.nnlab.api.TrackedRun;

/** Reference solution of the digits regularization lab (instructor only). */
public class Solution implements LabSolution {

    @Override
    public void train(LabContext ctx) {
        int epochs = ctx.intParam("epochs");
        int batchSize = ctx.intParam("batchSize");

        MultiLayerNetwork a = new MultiLayerNetwork(mlp(ctx.seed(), List.of(), 0.0));
        a.init();
        TrackedRun runA = ctx.track("A", a);
        double bestA = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            a.fit(ctx.trainingBatches(batchSize));
            bestA = Math.max(bestA, runA.endEpoch().validationAccuracy());
        }

        MultiLayerNetwork b = new MultiLayerNetwork(mlp(ctx.seed(), List.of(new WeightDecay(1e-4, true)), 0.2));
        b.init();
        TrackedRun runB = ctx.track("B", b);
        double bestB = 0;
        double bestLoss = Double.POSITIVE_INFINITY;
        int epochsWithoutImprovement = 0;
        double learningRate = 1e-3;
        for (int epoch = 0; epoch < epochs; epoch++) {
            b.fit(ctx.trainingBatches(batchSize));
            EpochMetrics metrics = runB.endEpoch();
            bestB = Math.max(bestB, metrics.validationAccuracy());
            if (metrics.validationLoss() < bestLoss * (1 - 1e-4)) {
                bestLoss = metrics.validationLoss();
                epochsWithoutImprovement = 0;
            } else if (++epochsWithoutImprovement >= ctx.intParam("patience")) {
                learningRate *= ctx.doubleParam("factor");
                b.setLearningRate(learningRate);
                epochsWithoutImprovement = 0;
                ctx.log().printf("epoch %d: validation loss has not improved for %d epochs, learning rate now %g%n",
                        epoch + 1, ctx.intParam("patience"), learningRate);
            }
        }

        ctx.report("A.bestValidationAccuracy", bestA);
        ctx.report("B.bestValidationAccuracy", bestB);
    }

    /** 64-128-64-10 ReLU MLP with Adam 1e-3; {@code dropProbability} applies to both hidden layers' outputs. */
    private static MultiLayerConfiguration mlp(long seed, List<Regularization> regularization, double dropProbability) {
        DenseLayer.Builder hidden2 = new DenseLayer.Builder().nIn(128).nOut(64).activation(Activation.RELU);
        OutputLayer.Builder output = new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(64).nOut(10)
                .activation(Activation.SOFTMAX);
        if (dropProbability > 0) {
            hidden2.dropOut(1 - dropProbability); // DL4J takes the probability to RETAIN an input
            output.dropOut(1 - dropProbability);
        }
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(1e-3))
                .weightInit(WeightInit.RELU)
                .list()
                .layer(new DenseLayer.Builder().nIn(64).nOut(128).activation(Activation.RELU)
                        .regularization(regularization).build())
                .layer(hidden2.regularization(regularization).build())
                .layer(output.regularization(regularization).build())
                .build();
    }
}
