package org.nnlab.grader.benchmark;

import java.util.Map;

/**
 * Turns one grading's stage timings (the keys of {@code GradingResult.timings()}) into benchmark rows: the
 * end-to-end time and where it went, including the parts no stage times itself (reading the job and its rows,
 * exiting), which are what is left of a sandbox's time after the harness's own timings. The training and evaluation
 * sandboxes start before their jobs are ready (the training sandbox while the submission compiles, the evaluation
 * sandbox while it trains), so a sandbox's time runs from its job to its end, and the JVM's and ND4J's start are
 * rows of their own, off the grading's path.
 */
public final class StageRows {
    /** The end-to-end row of a sandboxed grading that took a warm spare. */
    public static final String END_TO_END = "end-to-end: reference graded (compile..checks)";
    /** The end-to-end row of a sandboxed grading that started its own sandboxes. */
    public static final String END_TO_END_WITHOUT_SPARE = "end-to-end without a spare (its own sandboxes)";
    /** The training sandbox's peak memory row. */
    public static final String TRAINING_PEAK = "peak memory, training sandbox (cgroup)";
    /** The sandboxed grading's training row: both models, timed inside the training sandbox's JVM. */
    public static final String SANDBOX_TRAINING = "    training A+B in the sandbox's JVM";
    /** The in-process floor's training row. */
    public static final String FLOOR_TRAINING = "floor: training A+B in-process (no sandbox)";
    /** The in-process floor's training rows of model A and B are this plus the run's name. */
    public static final String FLOOR_TRAINING_OF = "floor: training ";
    static final String MS = "ms";

    private StageRows() {
    }

    /**
     * Adds the rows of one sandboxed grading.
     *
     * @param rows        where the rows go
     * @param timings     the grading's timings (milliseconds; {@code PeakMb} keys in MB)
     * @param totalMillis the grading's wall time as the caller measured it
     */
    public static void addGrading(Measurements rows, Map<String, Long> timings, long totalMillis) {
        rows.add(END_TO_END, MS, totalMillis);
        add(rows, "  preparation: split, natives check", timings, "preparationMillis");
        add(rows, "  compile: javac in the sandbox", timings, "compileMillis");
        add(rows, "  training sandbox, from its job to its end", timings, "trainingSandboxMillis");
        addRemainder(rows, "    reading the job and rows, exit", timings, "trainingSandboxMillis",
                "harness.trainingMillis", "harness.savingMillis");
        add(rows, SANDBOX_TRAINING, timings, "harness.trainingMillis");
        add(rows, "    training A (epochs + per-epoch validation)", timings, "harness.trainingMillis.A");
        add(rows, "      of which harness recording (A)", timings, "harness.recordingMillis.A");
        add(rows, "    training B (epochs + per-epoch validation)", timings, "harness.trainingMillis.B");
        add(rows, "      of which harness recording (B)", timings, "harness.recordingMillis.B");
        add(rows, "    saving the networks", timings, "harness.savingMillis");
        add(rows, "  evaluation sandbox, from its job to its end", timings, "evaluationSandboxMillis");
        addRemainder(rows, "    reading the job and inputs, exit", timings, "evaluationSandboxMillis",
                "evaluation.evaluationMillis");
        add(rows, "    loading networks, predicting", timings, "evaluation.evaluationMillis");
        add(rows, "  ND4J start before the job: training JVM", timings,
                "harness.backendStartMillis");
        add(rows, "  ND4J start before the job: evaluation JVM", timings,
                "evaluation.backendStartMillis");
        add(rows, "  checks", timings, "checksMillis");
        if (timings.containsKey("trainingSandboxPeakMb")) {
            rows.add(TRAINING_PEAK, "MB", timings.get("trainingSandboxPeakMb"));
        }
        if (timings.containsKey("evaluationSandboxPeakMb")) {
            rows.add("peak memory, evaluation sandbox (cgroup)", "MB", timings.get("evaluationSandboxPeakMb"));
        }
    }

    /**
     * Adds the rows of one unsandboxed grading, which trains the reference in one plain JVM: the in-process floor.
     *
     * @param rows    where the rows go
     * @param timings the grading's timings
     */
    public static void addFloor(Measurements rows, Map<String, Long> timings) {
        add(rows, FLOOR_TRAINING, timings, "harness.trainingMillis");
        add(rows, FLOOR_TRAINING_OF + "A", timings, "harness.trainingMillis.A");
        add(rows, "floor:   of which harness recording (A)", timings, "harness.recordingMillis.A");
        add(rows, FLOOR_TRAINING_OF + "B", timings, "harness.trainingMillis.B");
        add(rows, "floor:   of which harness recording (B)", timings, "harness.recordingMillis.B");
        add(rows, "floor: ND4J start", timings, "harness.backendStartMillis");
        add(rows, "floor: training JVM, whole (start..saved)", timings, "trainingSandboxMillis");
    }

    private static void add(Measurements rows, String name, Map<String, Long> timings, String key) {
        if (timings.containsKey(key)) {
            rows.add(name, MS, timings.get(key));
        }
    }

    private static void addRemainder(Measurements rows, String name, Map<String, Long> timings, String whole,
                                     String... parts) {
        if (!timings.containsKey(whole)) {
            return;
        }
        long rest = timings.get(whole);
        for (String part : parts) {
            if (!timings.containsKey(part)) {
                return;
            }
            rest -= timings.get(part);
        }
        rows.add(name, MS, rest);
    }
}
