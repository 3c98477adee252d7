package org.nnlab.harness;

import java.util.List;
import java.util.Map;
import org.nnlab.protocol.EpochRecord;
import org.nnlab.protocol.EvaluationJob;
import org.nnlab.protocol.EvaluationReport;
import org.nnlab.protocol.LayerActivity;
import org.nnlab.protocol.LayerSymmetry;
import org.nnlab.protocol.RunLog;
import org.nnlab.protocol.TrainingJob;
import org.nnlab.protocol.TrainingReport;

/**
 * Small records of the grading protocol, with every part filled, that the harness writes and reads before a job
 * comes: the class-data archive's run ({@link NativesMain}) and the JSON warm-up of each harness JVM
 * ({@link JobFiles#jsonWarmup}). Their values mean nothing.
 */
public final class ProtocolSamples {
    /** An epoch as the harness records it. */
    public static final EpochRecord EPOCH = new EpochRecord(1, 0.7, 0.8, 0.5, 1e-3, 1, 0.1);
    /** A training job of a spare, which compiles its submission. */
    public static final TrainingJob TRAINING_JOB = new TrainingJob("lab", "Solution", 42, Map.of("epochs", 40.0),
            List.of("A", "B"), 10, "train.bin", "validation.bin", "output", List.of("-d", "classes", "Solution.java"));
    /** An evaluation job with a network, an input and kept weights. */
    public static final EvaluationJob EVALUATION_JOB = new EvaluationJob(Map.of("A", "network-A.zip"),
            Map.of("validation", "validation.bin"), Map.of("A", "weights-A.bin"), "validation", "output");
    /** An evaluation report with each of its parts. */
    public static final EvaluationReport EVALUATION_REPORT = new EvaluationReport(Map.of(),
            Map.of("evaluationMillis", 1L), Map.of("A", List.of(new LayerSymmetry(0, 8, 8, true))), Map.of("A", 58L),
            Map.of(), Map.of("A", List.of(new LayerActivity(0, 8, 1))));

    private ProtocolSamples() {
    }

    /** @return a training report of one run, whose recorded configuration is {@code configuration} */
    public static TrainingReport trainingReport(String configuration) {
        return new TrainingReport(true, null, Map.of("A", new RunLog(List.of(EPOCH), "network-A.zip", configuration,
                0)), Map.of("accuracy", 0.9), List.of(), Map.of("trainingMillis", 1L));
    }
}
