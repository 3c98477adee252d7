import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nnlab.api.LabContext;
import org.nnlab.api.LabSolution;
import org.nnlab.api.TrackedRun;

/** Reference solution of the optimizers lab (instructor only). */
public class Solution implements LabSolution {

    @Override
    public void train(LabContext ctx) {
        Map<String, IUpdater> updaters = new LinkedHashMap<>();
        updaters.put("SGD", new Sgd(ctx.doubleParam("sgdLearningRate")));
        updaters.put("Momentum", new Nesterovs(ctx.doubleParam("momentumLearningRate"), ctx.doubleParam("momentum")));
        updaters.put("RMSProp", new RmsProp(ctx.doubleParam("rmsPropLearningRate")));
        updaters.put("Adam", new Adam(ctx.doubleParam("adamLearningRate")));

        double level = ctx.doubleParam("lossLevel");
        Map<String, Integer> epochsToReach = new LinkedHashMap<>();
        for (Map.Entry<String, IUpdater> updater : updaters.entrySet()) {
            MultiLayerNetwork network = new MultiLayerNetwork(mlp(ctx.seed(), updater.getValue()));
            network.init();
            TrackedRun run = ctx.track(updater.getKey(), network);
            int reached = Integer.MAX_VALUE; // never
            for (int epoch = 1; epoch <= ctx.intParam("epochs"); epoch++) {
                network.fit(ctx.trainingBatches(ctx.intParam("batchSize")));
                if (run.endEpoch().validationLoss() <= level && reached == Integer.MAX_VALUE) {
                    reached = epoch;
                }
            }
            epochsToReach.put(updater.getKey(), reached);
            ctx.log().printf("%s reaches validation loss %.2f at epoch %s%n", updater.getKey(), level,
                    reached == Integer.MAX_VALUE ? "never" : reached);
        }

        // Competition ranks: 1 + the number of runs that reach the level in strictly fewer epochs.
        for (Map.Entry<String, Integer> run : epochsToReach.entrySet()) {
            long faster = epochsToReach.values().stream().filter(other -> other < run.getValue()).count();
            ctx.report("rank." + run.getKey(), 1 + faster);
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
