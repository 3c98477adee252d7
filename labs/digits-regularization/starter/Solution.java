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

/**
 * Starter for the digits regularization lab. Model A trains as it is; model B still needs its weight decay, its
 * dropout and its plateau schedule, and neither run reports its best validation accuracy yet.
 */
public class Solution implements LabSolution {

    @Override
    public void train(LabContext ctx) {
        int epochs = ctx.intParam("epochs");
        int batchSize = ctx.intParam("batchSize");

        MultiLayerNetwork a = new MultiLayerNetwork(mlp(ctx.seed()));
        a.init();
        TrackedRun runA = ctx.track("A", a);
        for (int epoch = 0; epoch < epochs; epoch++) {
            a.fit(ctx.trainingBatches(batchSize));
            runA.endEpoch();
        }

        // TODO model B: the same architecture, plus weight decay 1e-4 (per layer), dropout with drop
        // probability 0.2 (DL4J's dropOut takes the RETAIN probability) and ReduceLROnPlateau on validation loss.
        MultiLayerNetwork b = new MultiLayerNetwork(mlp(ctx.seed()));
        b.init();
        TrackedRun runB = ctx.track("B", b);
        for (int epoch = 0; epoch < epochs; epoch++) {
            b.fit(ctx.trainingBatches(batchSize));
            runB.endEpoch();
        }

        // TODO report the best validation accuracy of each run:
        // ctx.report("A.bestValidationAccuracy", ...); ctx.report("B.bestValidationAccuracy", ...);
    }

    /** A 64-128-64-10 multilayer perceptron trained with Adam at learning rate 1e-3. */
    private static MultiLayerConfiguration mlp(long seed) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(1e-3))
                .weightInit(WeightInit.RELU)
                .list()
                .layer(new DenseLayer.Builder().nIn(64).nOut(128).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(128).nOut(64).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(64).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .build();
    }
}
