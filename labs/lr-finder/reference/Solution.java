import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nnlab.api.LabContext;
import org.nnlab.api.LabSolution;
import org.nnlab.api.TrackedRun;

/** Reference solution of the learning-rate finder lab (instructor only). */
public class Solution implements LabSolution {

    @Override
    public void train(LabContext ctx) {
        int steps = ctx.intParam("steps");
        double startRate = ctx.doubleParam("startRate");
        double endRate = ctx.doubleParam("endRate");
        int batchSize = ctx.intParam("batchSize");

        // The range test: one minibatch per step, the rate rising exponentially, one endEpoch() per step.
        MultiLayerNetwork finder = new MultiLayerNetwork(mlp(ctx.seed(), startRate));
        finder.init();
        TrackedRun run = ctx.track("finder", finder);
        DataSetIterator batches = ctx.trainingBatches(batchSize);
        double[] rates = new double[steps];
        double[] losses = new double[steps];
        for (int i = 0; i < steps; i++) {
            if (!batches.hasNext()) {
                batches.reset();
            }
            rates[i] = rangeTestRate(startRate, endRate, steps, i);
            finder.setLearningRate(rates[i]);
            finder.fit(batches.next());
            losses[i] = run.endEpoch().trainingLoss();
        }
        double chosen = suggestedRate(rates, losses, ctx.doubleParam("smoothing"), ctx.doubleParam("divergence"))
                / ctx.doubleParam("divisor");
        ctx.log().printf("chosen learning rate: %.4g%n", chosen);
        ctx.report("chosenLearningRate", chosen);

        // A short training run with the chosen rate.
        MultiLayerNetwork network = new MultiLayerNetwork(mlp(ctx.seed(), chosen));
        network.init();
        TrackedRun trained = ctx.track("trained", network);
        for (int epoch = 0; epoch < ctx.intParam("epochs"); epoch++) {
            network.fit(ctx.trainingBatches(batchSize));
            trained.endEpoch();
        }
    }

    /** lr_i = start * (end / start)^(i / (N - 1)): start at i = 0, end at i = N - 1. */
    static double rangeTestRate(double startRate, double endRate, int steps, int i) {
        return startRate * Math.pow(endRate / startRate, i / (double) (steps - 1));
    }

    /**
     * The rate at the minimum of the smoothed loss, before the loss diverges. The loss is smoothed with a
     * bias-corrected exponential moving average; it diverges at the first step whose loss is not finite or whose
     * smoothed loss exceeds {@code divergence} times the lowest smoothed loss so far.
     */
    static double suggestedRate(double[] rates, double[] losses, double beta, double divergence) {
        double average = 0;
        double best = Double.POSITIVE_INFINITY;
        int bestStep = -1;
        for (int i = 0; i < losses.length; i++) {
            if (!Double.isFinite(losses[i])) {
                break;
            }
            average = beta * average + (1 - beta) * losses[i];
            double smoothed = average / (1 - Math.pow(beta, i + 1));
            if (smoothed < best) {
                best = smoothed;
                bestStep = i;
            }
            if (smoothed > divergence * best) {
                break;
            }
        }
        return bestStep < 0 ? Double.NaN : rates[bestStep];
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
