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
import org.nnlab.api.LabContext;
import org.nnlab.api.LabSolution;
import org.nnlab.api.TrackedRun;

/**
 * Starter for the hyperparameter search lab. The grid search trains its six runs; the random search, and reporting
 * the best configuration of each search, are still to be written.
 */
public class Solution implements LabSolution {

    @Override
    public void train(LabContext ctx) {
        double[] rates = logSpaced(ctx.doubleParam("learningRateMin"), ctx.doubleParam("learningRateMax"),
                ctx.intParam("gridLearningRates"));
        double[] decays = logSpaced(ctx.doubleParam("weightDecayMin"), ctx.doubleParam("weightDecayMax"),
                ctx.intParam("gridWeightDecays"));
        int run = 0;
        for (double rate : rates) {
            for (double decay : decays) {
                double loss = train(ctx, "grid-" + (++run), rate, decay);
                ctx.log().printf("grid-%d: learning rate %.3g, weight decay %.3g: validation loss %.4f%n", run, rate,
                        decay, loss);
            }
        }
        // TODO keep the grid configuration with the lowest final validation loss and report it:
        // ctx.report("grid.best.learningRate", ...); ctx.report("grid.best.weightDecay", ...);

        // TODO random search: six runs random-1 ... random-6, each with a learning rate and a weight decay drawn
        // log-uniformly from the lab's ranges (seed your java.util.Random with ctx.seed()), then report
        // random.best.learningRate and random.best.weightDecay likewise.
    }

    /** Trains one run for the lab's epochs and returns its final validation loss. */
    private static double train(LabContext ctx, String name, double learningRate, double weightDecay) {
        MultiLayerNetwork network = new MultiLayerNetwork(mlp(ctx.seed(), learningRate, weightDecay));
        network.init();
        TrackedRun run = ctx.track(name, network);
        double loss = Double.NaN;
        for (int epoch = 0; epoch < ctx.intParam("epochs"); epoch++) {
            network.fit(ctx.trainingBatches(ctx.intParam("batchSize")));
            loss = run.endEpoch().validationLoss();
        }
        return loss;
    }

    /** @return {@code count} values from min to max, evenly spaced on a log scale (both ends included) */
    private static double[] logSpaced(double min, double max, int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = count == 1 ? min : min * Math.pow(max / min, (double) i / (count - 1));
        }
        return values;
    }

    /** A 64-32-10 ReLU perceptron with Adam at the given rate and weight decay on every layer. */
    private static MultiLayerConfiguration mlp(long seed, double learningRate, double weightDecay) {
        List<Regularization> decay = List.of(new WeightDecay(weightDecay, true));
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.RELU)
                .list()
                .layer(new DenseLayer.Builder().nIn(64).nOut(32).activation(Activation.RELU)
                        .regularization(decay).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(32).nOut(10)
                        .activation(Activation.SOFTMAX).regularization(decay).build())
                .build();
    }
}
