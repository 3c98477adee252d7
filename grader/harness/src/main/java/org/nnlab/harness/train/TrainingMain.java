package org.nnlab.harness.train;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.util.ModelSerializer;
import org.nnlab.harness.JobFiles;
import org.nnlab.harness.ProtocolSamples;
import org.nnlab.protocol.CompileReport;
import org.nnlab.protocol.Matrix;
import org.nnlab.protocol.ProtocolJson;
import org.nnlab.protocol.RunLog;
import org.nnlab.protocol.TrainingJob;
import org.nnlab.protocol.TrainingReport;

/**
 * Entry point of the training sandbox: {@code TrainingMain JOB_JSON}. Starts ND4J and, warming up
 * ({@link TrainingWarmup}, then {@link InJvmJavac#warmup} in a spare), waits for the job file
 * ({@link JobFiles#startThenRead}); compiles the submission first when the job says how (a spare's job), writing the
 * compile report; then loads the student's solution class, gives it the training and validation parts, keeps each
 * tracked network's weights at each epoch's end, then saves every tracked network and writes the training report.
 * Exit status 0 when {@code train} returned, 1 when it threw, 2 when the job itself could not be read, 3 when the
 * submission did not compile.
 */
public final class TrainingMain {
    /** The exit status when the job's submission, compiled in this JVM, did not compile. */
    private static final int NOT_COMPILED = 3;
    private TrainingMain() {
    }

    /** @param args the path of the job file */
    public static void main(String[] args) throws IOException {
        JobFiles.Started<TrainingJob> started = JobFiles.startThenRead(args, TrainingJob.class,
                "usage: TrainingMain JOB_JSON", JobFiles.inTurn(JobFiles.jsonWarmup(
                        Path.of(System.getProperty("java.io.tmpdir")), ProtocolSamples.TRAINING_JOB,
                        ProtocolSamples.trainingReport("{}")),
                        new TrainingWarmup(), InJvmJavac.warmup()));
        TrainingJob job = started.job();
        Path output = Path.of(job.outputDirectory());
        Map<String, Long> timings = new LinkedHashMap<>();
        timings.put("backendStartMillis", started.backendStartMillis());
        if (job.javacArguments() != null) {
            CompileReport compiled = InJvmJavac.compile(job.javacArguments());
            ProtocolJson.write(output.resolve(TrainingJob.COMPILE_REPORT_FILE), compiled);
            if (!compiled.succeeded()) {
                System.exit(NOT_COMPILED);
            }
            timings.put("compileMillis", compiled.millis());
        }

        Matrix training = Matrix.read(Path.of(job.trainingFile()));
        Matrix validation = Matrix.read(Path.of(job.validationFile()));
        SolutionRun run = new SolutionRun(new TrainingInputs(job.seed(), job.parameters(), job.runs(), job.classes(),
                training, validation), System.out, new ProgressWriter(output.resolve(TrainingJob.PROGRESS_FILE)),
                new EpochWeightsFile(output));

        long start = System.nanoTime();
        Throwable thrown = run.train(job.entryClass());
        String error = thrown == null ? null : stackTrace(thrown);
        timings.put("trainingMillis", millisSince(start));
        run.runMillis().forEach((name, millis) -> timings.put("trainingMillis." + name, millis));
        run.recordingMillis().forEach((name, millis) -> timings.put("recordingMillis." + name, millis));

        start = System.nanoTime();
        Map<String, RunLog> runs = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (RunRecorder recorder : run.recorders()) {
            String file = TrainingJob.networkFile(recorder.name());
            try {
                ModelSerializer.writeModel(recorder.network(), output.resolve(file).toFile(), true);
            } catch (Exception | OutOfMemoryError e) {
                warnings.add("run " + recorder.name() + ": the network could not be saved: " + e);
                file = null;
            }
            runs.put(recorder.name(), new RunLog(recorder.epochs(), file, recorder.trainedConfiguration(),
                    recorder.validationRowsFitted()));
            warnings.addAll(recorder.warnings());
        }
        timings.put("savingMillis", millisSince(start));
        ProtocolJson.write(output.resolve(TrainingJob.REPORT_FILE),
                new TrainingReport(error == null, error, runs, run.reported(), warnings, timings));
        System.out.flush();
        System.exit(error == null ? 0 : 1);
    }

    private static String stackTrace(Throwable t) {
        StringWriter text = new StringWriter();
        t.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
