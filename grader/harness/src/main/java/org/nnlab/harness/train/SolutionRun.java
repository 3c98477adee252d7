package org.nnlab.harness.train;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.api.LabSolution;
import org.nnlab.protocol.EpochRecord;
import org.nnlab.protocol.ProgressLine;

/**
 * Trains a student's solution in this JVM and records its tracked runs. The sandbox's {@link TrainingMain} and the
 * student kit both train through here, so that curves measured locally are measured exactly as graded ones.
 */
public final class SolutionRun {
    private final HarnessContext context;

    /**
     * @param inputs   what the solution trains with
     * @param log      where the solution's {@code ctx.log()} goes
     * @param progress hears each epoch as soon as it is measured
     */
    public SolutionRun(TrainingInputs inputs, PrintStream log, Consumer<ProgressLine> progress) {
        this(inputs, log, progress, (run, weights) -> { });
    }

    /**
     * A run that also keeps each tracked run's weights at the end of each epoch, for the grader to measure again.
     *
     * @param weights hears each run's weights (its flattened parameters) as each epoch ends
     */
    SolutionRun(TrainingInputs inputs, PrintStream log, Consumer<ProgressLine> progress,
                BiConsumer<String, INDArray> weights) {
        this.context = new HarnessContext(inputs, log, progress, weights);
    }

    /**
     * Creates the solution with its no-argument constructor and calls its {@code train}.
     *
     * @param entryClass the fully qualified name of the solution's class
     * @return null when {@code train} returned, else what was thrown, by the solution or while creating it
     */
    public Throwable train(String entryClass) {
        try {
            instantiate(entryClass).train(context);
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    /** @return the epochs of each tracked run, by run name, in the order the runs were tracked */
    public Map<String, List<EpochRecord>> curves() {
        Map<String, List<EpochRecord>> curves = new LinkedHashMap<>();
        context.runs().forEach(run -> curves.put(run.name(), run.epochs()));
        return curves;
    }

    /**
     * @return per tracked run, the milliseconds from its {@code track} call to the end of its last epoch (its
     *         training and the harness's per-epoch validation measurement), by run name
     */
    public Map<String, Long> runMillis() {
        Map<String, Long> millis = new LinkedHashMap<>();
        context.runs().forEach(run -> millis.put(run.name(), run.millis()));
        return millis;
    }

    /**
     * @return per tracked run, the milliseconds of its time the harness spent recording it (the per-epoch
     *         validation measurement, the per-minibatch score and gradient norm), by run name
     */
    public Map<String, Long> recordingMillis() {
        Map<String, Long> millis = new LinkedHashMap<>();
        context.runs().forEach(run -> millis.put(run.name(), run.recordingMillis()));
        return millis;
    }

    /** @return the values the solution reported with {@code ctx.report} */
    public Map<String, Double> reported() {
        return context.reported();
    }

    /** @return what the harness noticed about how the runs were recorded, e.g. lost minibatch scores */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        context.runs().forEach(run -> warnings.addAll(run.warnings()));
        return warnings;
    }

    /** @return the recorders of the tracked runs, with their networks, in the order they were tracked */
    List<RunRecorder> recorders() {
        return context.runs();
    }

    private static LabSolution instantiate(String entryClass) throws ReflectiveOperationException {
        Class<?> type = Class.forName(entryClass);
        if (!LabSolution.class.isAssignableFrom(type)) {
            throw new IllegalStateException("class " + entryClass + " does not implement org.nnlab.api.LabSolution");
        }
        return (LabSolution) type.getDeclaredConstructor().newInstance();
    }
}
