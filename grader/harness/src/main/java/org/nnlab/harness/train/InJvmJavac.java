package org.nnlab.harness.train;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.nnlab.protocol.CompileReport;
import org.nnlab.protocol.TrainingJob;

/**
 * The JDK's javac, run in the training JVM of a spare sandbox: the grader gives a spare's job javac's arguments
 * ({@code TrainingJob.javacArguments}), and the harness compiles the submission before it loads any of its classes.
 * While the spare waits for its job, {@link #warmup} compiles a small solution against the lab's classpath a few
 * times, so that javac's classes are loaded and compiled by the JIT and the jars' indexes read: the digits reference
 * then compiles in a fraction of the time a fresh javac takes.
 */
final class InJvmJavac {
    private static final int WARMUP_COMPILES = 6;
    private static final String WARMUP_SOURCE = """
            import java.util.List;
            import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
            import org.deeplearning4j.nn.conf.layers.DenseLayer;
            import org.deeplearning4j.nn.conf.layers.OutputLayer;
            import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
            import org.deeplearning4j.nn.weights.WeightInit;
            import org.nd4j.linalg.activations.Activation;
            import org.nd4j.linalg.learning.config.Adam;
            import org.nd4j.linalg.learning.regularization.WeightDecay;
            import org.nd4j.linalg.lossfunctions.LossFunctions;
            import org.nnlab.api.EpochMetrics;
            import org.nnlab.api.LabContext;
            import org.nnlab.api.LabSolution;
            import org.nnlab.api.TrackedRun;

            public class WarmupSolution implements LabSolution {
                @Override
                public void train(LabContext ctx) {
                    MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                            .seed(ctx.seed()).updater(new Adam(1e-3)).weightInit(WeightInit.RELU).list()
                            .layer(new DenseLayer.Builder().nIn(64).nOut(32).activation(Activation.RELU)
                                    .regularization(List.of(new WeightDecay(1e-4, true))).build())
                            .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(32).nOut(10)
                                    .activation(Activation.SOFTMAX).dropOut(0.8).build())
                            .build());
                    network.init();
                    TrackedRun run = ctx.track("A", network);
                    for (int epoch = 0; epoch < ctx.intParam("epochs"); epoch++) {
                        network.fit(ctx.trainingBatches(ctx.intParam("batchSize")));
                        EpochMetrics metrics = run.endEpoch();
                        ctx.log().println("epoch " + epoch + ": " + metrics.validationAccuracy());
                    }
                }
            }
            """;

    private InJvmJavac() {
    }

    /**
     * @param arguments javac's options and source files
     * @return whether it compiled, with javac's diagnostics as its command line prints them
     */
    static CompileReport compile(List<String> arguments) {
        long start = System.nanoTime();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac == null ? -1 : javac.run(null, output, output, arguments.toArray(String[]::new));
        String text = javac == null ? "this JVM has no javac (it is not a JDK's)"
                : output.toString(StandardCharsets.UTF_8);
        return new CompileReport(status == 0, text, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * @return warm-up steps that compile {@link #WARMUP_SOURCE} a few times into a scratch folder, one compile a
     *     step, when {@link TrainingJob#JAVAC_WARMUP_PROPERTY} is set; none otherwise
     */
    static BooleanSupplier warmup() {
        String classpath = System.getProperty(TrainingJob.JAVAC_WARMUP_PROPERTY);
        if (classpath == null) {
            return () -> false;
        }
        return new BooleanSupplier() {
            private int compiles;

            @Override
            public boolean getAsBoolean() {
                try {
                    Path folder = Files.createTempDirectory("nnlab-javac-warmup");
                    Path source = Files.writeString(folder.resolve("WarmupSolution.java"), WARMUP_SOURCE);
                    List<String> arguments = List.of("-proc:none", "-nowarn", "-g", "-implicit:none",
                            "-d", folder.toString(), "-cp", classpath, source.toString());
                    ToolProvider.getSystemJavaCompiler().run(null, OutputStream.nullOutputStream(),
                            OutputStream.nullOutputStream(), arguments.toArray(String[]::new));
                    deleteTree(folder);
                } catch (IOException | RuntimeException e) {
                    return false; // a warm-up that fails only leaves javac cold
                }
                return ++compiles < WARMUP_COMPILES;
            }
        };
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
