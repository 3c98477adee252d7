import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nnlab.api.LabContext;
import org.nnlab.api.LabSolution;
import org.nnlab.api.TrackedRun;

/** Reference solution of the initialization lab (instructor only). */
public class Solution implements LabSolution {

    @Override
    public void train(LabContext ctx) {
        Map<String, WeightInit> runs = new LinkedHashMap<>();
        runs.put("zeros", WeightInit.ZERO);
        runs.put("xavier", WeightInit.XAVIER);
        runs.put("he", WeightInit.RELU);
        for (Map.Entry<String, WeightInit> run : runs.entrySet()) {
            MultiLayerNetwork network = new MultiLayerNetwork(mlp(ctx.seed(), ctx.doubleParam("learningRate"),
                    run.getValue()));
            network.init();
            TrackedRun tracked = ctx.track(run.getKey(), network);
            for (int epoch = 1; epoch <= ctx.intParam("epochs"); epoch++) {
                network.fit(ctx.trainingBatches(ctx.intParam("batchSize")));
                tracked.endEpoch();
            }
        }
    }

    /** A 64-64-64-64-10 multilayer perceptron, ReLU, plain SGD; every layer's weights start as {@code init} says. */
    private static MultiLayerConfiguration mlp(long seed, double learningRate, WeightInit init) {
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Sgd(learningRate))
                .weightInit(init)
                .list();
        for (int layer = 0; layer < 3; layer++) {
            layers.layer(new DenseLayer.Builder().nIn(64).nOut(64).activation(Activation.RELU).build());
        }
        return layers.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(64).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .build();
    }
}
