import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nnlab.api.LabContext;
import org.nnlab.api.LabSolution;
import org.nnlab.api.TrackedRun;

/**
 * Starter for the batch size and gradient clipping lab. The three runs train as they are: give b256 its large
 * batch, the linearly scaled rate and the warmup, and make the clipped run clip its gradients (see the instructions).
 */
public class Solution implements LabSolution {

    @Override
    public void train(LabContext ctx) {
        int epochs = ctx.intParam("epochs");
        int smallBatch = ctx.intParam("smallBatch");
        int largeBatch = ctx.intParam("largeBatch");
        double baseRate = ctx.doubleParam("baseRate");
        int warmupEpochs = ctx.intParam("warmupEpochs");

        // Part 1: the small batch at the base rate; the large batch at the linearly scaled rate, warmed up.
        double scaledRate = baseRate; // TODO the linear scaling rule
        train(ctx, "b32", mlp(ctx.seed(), baseRate, GradientNormalization.None, 0), smallBatch, epochs,
                t -> baseRate);
        train(ctx, "b256", mlp(ctx.seed(), scaledRate, GradientNormalization.None, 0), smallBatch, epochs,
                t -> scaledRate); // TODO the large batch, and a linear warmup over warmupEpochs

        // Part 2: a high rate. TODO clip each layer's gradient to an L2 norm of at most clipThreshold.
        double clippedRate = ctx.doubleParam("clippedRate");
        train(ctx, "clipped", mlp(ctx.seed(), clippedRate, GradientNormalization.None,
                0), smallBatch, epochs, t -> clippedRate);
    }

    /** Trains one run, setting the rate of epoch t (0 for the first) before the epoch's training. */
    private static void train(LabContext ctx, String name, MultiLayerConfiguration configuration, int batchSize,
                              int epochs, java.util.function.IntToDoubleFunction rate) {
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        TrackedRun run = ctx.track(name, network);
        for (int t = 0; t < epochs; t++) {
            network.setLearningRate(rate.applyAsDouble(t));
            network.fit(ctx.trainingBatches(batchSize));
            run.endEpoch();
        }
    }

    /** A 64-64-10 multilayer perceptron trained with SGD and Nesterov momentum, with the given gradient clipping. */
    private static MultiLayerConfiguration mlp(long seed, double learningRate, GradientNormalization clipping,
                                               double threshold) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Nesterovs(learningRate, 0.9))
                .weightInit(WeightInit.RELU)
                .gradientNormalization(clipping)
                .gradientNormalizationThreshold(threshold)
                .list()
                .layer(new DenseLayer.Builder().nIn(64).nOut(64).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(64).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .build();
    }
}
