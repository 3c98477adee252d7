import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

/** Reference solution of the hyperparameter search lab (instructor only). */
public class Solution implements LabSolution {

    /** One point of the search space. */
    record Config(double learningRate, double weightDecay) {
    }

    @Override
    public void train(LabContext ctx) {
        double rateMin = ctx.doubleParam("learningRateMin");
        double rateMax = ctx.doubleParam("learningRateMax");
        double decayMin = ctx.doubleParam("weightDecayMin");
        double decayMax = ctx.doubleParam("weightDecayMax");

        List<Config> grid = new ArrayList<>();
        for (double rate : logSpaced(rateMin, rateMax, ctx.intParam("gridLearningRates"))) {
            for (double decay : logSpaced(decayMin, decayMax, ctx.intParam("gridWeightDecays"))) {
                grid.add(new Config(rate, decay));
            }
        }
        Random random = new Random(ctx.seed());
        List<Config> sampled = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            sampled.add(new Config(logUniform(random, rateMin, rateMax), logUniform(random, decayMin, decayMax)));
        }

        search(ctx, "grid", grid);
        search(ctx, "random", sampled);
    }

    /** Trains one run per configuration, named method-1, method-2..., and reports the best by last validation loss. */
    private static void search(LabContext ctx, String method, List<Config> configs) {
        Config best = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (int i = 0; i < configs.size(); i++) {
            Config config = configs.get(i);
            MultiLayerNetwork network = new MultiLayerNetwork(mlp(ctx.seed(), config));
            network.init();
            TrackedRun run = ctx.track(method + "-" + (i + 1), network);
            double loss = Double.NaN;
            for (int epoch = 0; epoch < ctx.intParam("epochs"); epoch++) {
                network.fit(ctx.trainingBatches(ctx.intParam("batchSize")));
                loss = run.endEpoch().validationLoss();
            }
            ctx.log().printf("%s-%d: learning rate %.3g, weight decay %.3g: validation loss %.4f%n", method, i + 1,
                    config.learningRate(), config.weightDecay(), loss);
            if (loss < bestLoss) {
                bestLoss = loss;
                best = config;
            }
        }
        ctx.report(method + ".best.learningRate", best.learningRate());
        ctx.report(method + ".best.weightDecay", best.weightDecay());
    }

    /** @return {@code count} values from min to max, evenly spaced on a log scale (both ends included) */
    private static double[] logSpaced(double min, double max, int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = count == 1 ? min : min * Math.pow(max / min, (double) i / (count - 1));
        }
        return values;
    }

    /** @return a value whose logarithm is uniform between ln min and ln max */
    private static double logUniform(Random random, double min, double max) {
        return Math.exp(Math.log(min) + random.nextDouble() * (Math.log(max) - Math.log(min)));
    }

    /** A 64-32-10 ReLU perceptron with Adam at the configuration's rate and weight decay on every layer. */
    private static MultiLayerConfiguration mlp(long seed, Config config) {
        List<Regularization> decay = List.of(new WeightDecay(config.weightDecay(), true));
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(config.learningRate()))
                .weightInit(WeightInit.RELU)
                .list()
                .layer(new DenseLayer.Builder().nIn(64).nOut(32).activation(Activation.RELU)
                        .regularization(decay).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(32).nOut(10)
                        .activation(Activation.SOFTMAX).regularization(decay).build())
                .build();
    }
}
