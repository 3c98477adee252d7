import java.util.function.IntToDoubleFunction;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nnlab.api.LabContext;
import org.nnlab.api.LabSolution;
import org.nnlab.api.TrackedRun;

/** Reference solution of the learning-rate schedules lab (instructor only). */
public class Solution implements LabSolution {

    @Override
    public void train(LabContext ctx) {
        double baseRate = ctx.doubleParam("baseRate");
        int stepSize = ctx.intParam("stepSize");
        double gamma = ctx.doubleParam("gamma");
        double decay = ctx.doubleParam("decay");
        double minRate = ctx.doubleParam("minRate");
        int tMax = ctx.intParam("tMax");
        int warmupEpochs = ctx.intParam("warmupEpochs");
        double targetRate = ctx.doubleParam("targetRate");

        train(ctx, "step", t -> stepDecay(baseRate, stepSize, gamma, t));
        train(ctx, "exponential", t -> exponentialDecay(baseRate, decay, t));
        train(ctx, "cosine", t -> cosineAnnealing(baseRate, minRate, tMax, t));
        train(ctx, "warmup", t -> linearWarmup(targetRate, warmupEpochs, t));
    }

    /** eta_t = eta_0 * gamma^floor(t / s). */
    static double stepDecay(double baseRate, int stepSize, double gamma, int t) {
        return baseRate * Math.pow(gamma, t / stepSize);
    }

    /** eta_t = eta_0 * e^(-k t). */
    static double exponentialDecay(double baseRate, double decay, int t) {
        return baseRate * Math.exp(-decay * t);
    }

    /** eta_t = eta_min + (eta_0 - eta_min) / 2 * (1 + cos(pi t / T)), and eta_min from t = T on. */
    static double cosineAnnealing(double baseRate, double minRate, int tMax, int t) {
        return minRate + (baseRate - minRate) / 2 * (1 + Math.cos(Math.PI * Math.min(t, tMax) / tMax));
    }

    /** eta_t = target * (t + 1) / W during the first W epochs, then the target. */
    static double linearWarmup(double targetRate, int warmupEpochs, int t) {
        return targetRate * Math.min(1, (t + 1) / (double) warmupEpochs);
    }

    /** Trains one run, setting the rate of epoch t (0 for the first) before the epoch's training. */
    private static void train(LabContext ctx, String runName, IntToDoubleFunction schedule) {
        MultiLayerNetwork network = new MultiLayerNetwork(mlp(ctx.seed(), schedule.applyAsDouble(0)));
        network.init();
        TrackedRun run = ctx.track(runName, network);
        for (int t = 0; t < ctx.intParam("epochs"); t++) {
            network.setLearningRate(schedule.applyAsDouble(t));
            network.fit(ctx.trainingBatches(ctx.intParam("batchSize")));
            run.endEpoch();
        }
    }

    /** A 64-64-10 multilayer perceptron trained with Adam. */
    private static MultiLayerConfiguration mlp(long seed, double learningRate) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.RELU)
                .list()
                .layer(new DenseLayer.Builder().nIn(64).nOut(64).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(64).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .build();
    }
}
