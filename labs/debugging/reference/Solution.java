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
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nnlab.api.LabContext;
import org.nnlab.api.LabSolution;
import org.nnlab.api.TrackedRun;

/** Reference solution of the debugging lab (instructor only). */
public class Solution implements LabSolution {

    @Override
    public void train(LabContext ctx) {
        Examples all = new Examples(ctx.trainingSet().getFeatures().toFloatMatrix(),
                ctx.trainingSet().getLabels().toFloatMatrix(), new Random(ctx.seed()));
        Examples firstExamples = all.first(ctx.intParam("overfitExamples"));
        train(ctx, "overfit", firstExamples, ctx.intParam("overfitEpochs"));
        train(ctx, "full", all, ctx.intParam("epochs"));
    }

    /** Trains a fresh network on {@code examples} as the run {@code name}. */
    private static void train(LabContext ctx, String name, Examples examples, int epochs) {
        MultiLayerNetwork network = new MultiLayerNetwork(mlp(ctx.seed(), ctx.doubleParam("learningRate")));
        network.init();
        TrackedRun run = ctx.track(name, network);
        for (int epoch = 1; epoch <= epochs; epoch++) {
            examples.shuffle();
            for (DataSet batch : examples.batches(ctx.intParam("batchSize"))) {
                network.fit(batch);
            }
            run.endEpoch();
        }
    }

    /** A 64-64-64-10 multilayer perceptron with Adam. */
    private static MultiLayerConfiguration mlp(long seed, double learningRate) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.RELU)
                .list()
                .layer(new DenseLayer.Builder().nIn(64).nOut(64).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(64).nOut(64).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(64).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .build();
    }

    /** Examples held as Java arrays, shuffled in place each epoch and cut into minibatches. */
    private static final class Examples {
        private final float[][] features;
        private final float[][] labels;
        private final Random random;

        Examples(float[][] features, float[][] labels, Random random) {
            this.features = features;
            this.labels = labels;
            this.random = random;
        }

        /** @return a copy of the first {@code count} examples, in order */
        Examples first(int count) {
            float[][] x = new float[count][];
            float[][] y = new float[count][];
            for (int i = 0; i < count; i++) {
                x[i] = features[i].clone();
                y[i] = labels[i].clone();
            }
            return new Examples(x, y, random);
        }

        /** Shuffles the examples in place (Fisher-Yates): one permutation for features and labels alike. */
        void shuffle() {
            for (int i = features.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                swap(features, i, j);
                swap(labels, i, j);
            }
        }

        private static void swap(float[][] rows, int i, int j) {
            float[] row = rows[i];
            rows[i] = rows[j];
            rows[j] = row;
        }

        /** @return the examples in their current order, in minibatches of {@code size} (the last may be smaller) */
        List<DataSet> batches(int size) {
            List<DataSet> batches = new ArrayList<>();
            for (int start = 0; start < features.length; start += size) {
                int end = Math.min(start + size, features.length);
                batches.add(new DataSet(Nd4j.create(slice(features, start, end)),
                        Nd4j.create(slice(labels, start, end))));
            }
            return batches;
        }

        private static float[][] slice(float[][] rows, int start, int end) {
            float[][] part = new float[end - start][];
            System.arraycopy(rows, start, part, 0, end - start);
            return part;
        }
    }
}
