package org.nnlab.harness.evaluate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * What the evaluation JVM does while it waits for its job, the submission training meanwhile: saves a small
 * network and loads it again as a job's networks are loaded, then predicts with it, so that DL4J's JSON mapper and
 * model loading and ND4J's inference are warm when the job comes. Nothing of it is kept.
 */
final class EvaluationWarmup implements BooleanSupplier {
    private final Path scratch;
    private boolean done;

    /** @param scratch a folder of the JVM's own to save the network in */
    EvaluationWarmup(Path scratch) {
        this.scratch = scratch;
    }

    @Override
    public boolean getAsBoolean() {
        if (done) {
            return false;
        }
        done = true;
        try {
            MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).list()
                    .layer(new DenseLayer.Builder().nIn(8).nOut(8).activation(Activation.RELU).build())
                    .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(8).nOut(2)
                            .activation(Activation.SOFTMAX).build())
                    .build());
            network.init();
            Path file = Files.createTempFile(scratch, "warmup", ".zip");
            try {
                ModelSerializer.writeModel(network, file.toFile(), false);
                ModelSerializer.restoreMultiLayerNetwork(file.toString(), false).output(Nd4j.rand(4, 8), false);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the evaluation JVM could not warm up in " + scratch, e);
        }
        return false;
    }
}
