package org.nnlab.grader.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.nnlab.datasets.LabeledData;
import org.nnlab.grader.compile.CompileResult;
import org.nnlab.grader.compile.SubmissionCompiler;
import org.nnlab.grader.lab.Lab;
import org.nnlab.grader.sandbox.Mount;
import org.nnlab.grader.sandbox.Sandbox;
import org.nnlab.grader.sandbox.SandboxLimits;
import org.nnlab.grader.sandbox.SandboxOutcome;
import org.nnlab.protocol.CompileReport;
import org.nnlab.protocol.Matrix;
import org.nnlab.protocol.ProgressLine;
import org.nnlab.protocol.ProtocolJson;
import org.nnlab.protocol.TrainingJob;
import org.nnlab.protocol.TrainingReport;

/** Runs the student's solution in the training sandbox with the training and validation parts only. */
final class TrainingStage {
    private static final long MAX_REPORT_BYTES = 8L << 20;
    private static final int MAX_ERROR_CHARS = 6000;
    private static final long MB = 1024L * 1024;
    /** The exit status of a process killed with SIGKILL (128 + 9), as the sandbox's wrapper reports it. */
    private static final int KILLED = 137;
    private final Sandbox sandbox;
    private final SandboxedJvm jvm;
    private final List<Path> compileClasspath;

    /** @param compileClasspath the jars submissions compile against, for a training JVM that compiles its own */
    TrainingStage(Sandbox sandbox, SandboxedJvm jvm, List<Path> compileClasspath) {
        this.sandbox = sandbox;
        this.jvm = jvm;
        this.compileClasspath = List.copyOf(compileClasspath);
    }

    /**
     * Starts the training sandbox, held until {@link #run} releases it: Java and ND4J start while the submission
     * compiles. Writes the training and validation parts it reads.
     *
     * @param idle           how long it may wait for its job before the submission starts compiling: zero for a
     *                       job's own sandbox, longer for a spare's
     * @param compilesItself whether its JVM compiles the submission ({@link #compileAndRun}), warming javac up while
     *                       it waits, rather than being given classes compiled in a sandbox of their own
     */
    PreStartedRun start(JobWorkspace workspace, Lab lab, LabData data, Duration idle, boolean compilesItself)
            throws IOException {
        write(data.train(), trainingFile(workspace));
        write(data.validation(), validationFile(workspace));
        Path directives = Files.writeString(workspace.input().resolve("compiler-directives.json"),
                SandboxedJvm.FAST_LOOP_DIRECTIVES);
        Path job = workspace.input().resolve("job.json");
        List<String> options = new ArrayList<>(SandboxedJvm.fastLoopCompiler(directives));
        List<Mount> mounts = new ArrayList<>(List.of(Mount.readOnly(workspace.input()),
                Mount.writable(workspace.output(), workspace.output().toString())));
        if (compilesItself) {
            options.add("-D" + TrainingJob.JAVAC_WARMUP_PROPERTY + "="
                    + SubmissionCompiler.classpath(compileClasspath));
            mounts.add(Mount.readOnly(workspace.sources()));
            mounts.add(Mount.writable(workspace.classes(), workspace.classes().toString()));
        } else {
            mounts.add(Mount.readOnly(workspace.classes()));
        }
        return PreStartedRun.start(sandbox, jvm.request("org.nnlab.harness.train.TrainingMain", job.toString(),
                List.of(workspace.classes()), mounts, lab.limits(), Duration.ofSeconds(lab.limits().wallSeconds()),
                options), job, SubmissionCompiler.WALL_TIME.plus(idle), "training");
    }

    /** Gives the started sandbox its job, once the submission compiled, and reads what it reported. */
    TrainingOutcome run(PreStartedRun started, JobWorkspace workspace, Lab lab, LabData data,
                        Consumer<ProgressLine> progress) throws IOException {
        return release(started, workspace, lab, data, progress, null, () -> { });
    }

    /**
     * Writes the sources and gives the started sandbox, whose JVM compiles them itself ({@code compilesItself}),
     * its job; reads what it reported of compiling and, when the code compiled, of training.
     *
     * @param compiled called once, on another thread, when the JVM reports that the code compiled (for display)
     * @return how the sandbox ended, with the compile result; a submission that did not compile has no report
     */
    TrainingOutcome compileAndRun(PreStartedRun started, JobWorkspace workspace, Lab lab, LabData data,
                                  Map<String, String> sources, Consumer<ProgressLine> progress, Runnable compiled)
            throws IOException {
        List<String> javac = SubmissionCompiler.javacOptions(compileClasspath, workspace.classes());
        javac.addAll(SubmissionCompiler.writeSources(sources, workspace.sources()));
        return release(started, workspace, lab, data, progress, javac, compiled);
    }

    private TrainingOutcome release(PreStartedRun started, JobWorkspace workspace, Lab lab, LabData data,
                                    Consumer<ProgressLine> progress, List<String> javac, Runnable compiled)
            throws IOException {
        TrainingJob job = new TrainingJob(lab.id(), lab.entryClass(), lab.split().seed(), lab.parameters(),
                lab.runs(), data.train().classCount(), trainingFile(workspace).toString(),
                validationFile(workspace).toString(), workspace.output().toString(), javac);
        SandboxOutcome outcome;
        try (ProgressWatcher watcher = new ProgressWatcher(workspace.output().resolve(TrainingJob.PROGRESS_FILE),
                progress, javac == null ? null : workspace.output().resolve(TrainingJob.COMPILE_REPORT_FILE),
                compiled)) {
            outcome = started.release(job);
        }
        CompileResult compileResult = javac == null ? null : compiled(outcome, workspace, lab);
        if (compileResult != null && !compileResult.succeeded()) {
            return new TrainingOutcome(outcome, null, "The code does not compile.", compileResult);
        }
        Optional<Path> reportFile = JobWorkspace.plainFile(workspace.output(), TrainingJob.REPORT_FILE);
        TrainingReport report = null;
        String unreadable = null;
        if (reportFile.isPresent()) {
            try {
                report = ProtocolJson.read(reportFile.get(), TrainingReport.class, MAX_REPORT_BYTES);
            } catch (IOException e) {
                unreadable = e.getMessage();
            }
        }
        return new TrainingOutcome(outcome, report, failure(outcome, report, unreadable, lab, jvm.gpu()),
                compileResult);
    }

    /**
     * @return what compiling in the training JVM gave, from its compile report; when it wrote none, javac did not
     *     finish, and the result says what stopped it
     */
    private static CompileResult compiled(SandboxOutcome outcome, JobWorkspace workspace, Lab lab) {
        Optional<Path> file = JobWorkspace.plainFile(workspace.output(), TrainingJob.COMPILE_REPORT_FILE);
        String unreadable = "";
        if (file.isPresent()) {
            try {
                CompileReport report = ProtocolJson.read(file.get(), CompileReport.class, MAX_REPORT_BYTES);
                return SubmissionCompiler.result(report.succeeded(), report.output() == null ? "" : report.output(),
                        workspace.sources(), Duration.ofMillis(report.millis()));
            } catch (IOException e) {
                unreadable = ": " + e.getMessage();
            }
        }
        String why;
        if (outcome.memoryLimitHit()) {
            why = "javac ran out of memory: the lab allows " + lab.limits().memoryMb() + " MB in all.";
        } else if (outcome.timedOut()) {
            why = "javac did not finish within " + lab.limits().wallSeconds() + " s.";
        } else {
            why = "javac ended without a report (exit code " + outcome.exitCode() + ")" + unreadable + "."
                    + tail(outcome);
        }
        return SubmissionCompiler.result(false, why, workspace.sources(), outcome.elapsed());
    }

    private static Path trainingFile(JobWorkspace workspace) {
        return workspace.input().resolve("train.bin");
    }

    private static Path validationFile(JobWorkspace workspace) {
        return workspace.input().resolve("validation.bin");
    }

    private static void write(LabeledData part, Path file) throws IOException {
        new Matrix(part.rows(), part.featureCount(), part.features(), part.labels()).write(file);
    }

    /**
     * @param gpu the GPU the job trained on, or null on the CPU
     * @return what the student reads when the training sandbox did not end well, or null when it did
     */
    static String failure(SandboxOutcome outcome, TrainingReport report, String unreadable, Lab lab, GpuDevice gpu) {
        SandboxLimits limits = SandboxedJvm.sandboxLimits(lab.limits(), Duration.ofSeconds(lab.limits().wallSeconds()));
        // a memory kill first: the kernel may take seconds to kill at the memory limit, past the time limit
        if (outcome.memoryLimitHit()) {
            return "train() ran out of memory: the lab allows " + lab.limits().memoryMb() + " MB in all ("
                    + lab.limits().heapMb() + " MB of Java heap). Keep fewer copies of the data or smaller networks.";
        }
        if (outcome.timedOut()) {
            return "train() did not finish within the lab's time limit of " + lab.limits().wallSeconds()
                    + " s and was stopped. Check for an endless loop, or train only the lab's epochs.";
        }
        if (outcome.cpuLimitHit()) {
            return "train() used more than the lab's " + lab.limits().cpuSeconds() + " s of CPU time and was stopped.";
        }
        if (outcome.diskLimitHit()) {
            return "train() wrote more than the lab allows outside its scratch folder (" + limits.scratchBytes() / MB
                    + " MB in all) and was stopped.";
        }
        // a run that threw an exception is explained with it below
        if (outcome.processLimitHit() && (report == null || report.completed())) {
            return LimitExplanation.processLimit(lab.limits())
                    + " A fork or a thread it asked for was refused, so its run does not count.";
        }
        if (report == null && outcome.exitCode() == KILLED) {
            return "Training ended without a report (exit code " + KILLED + "): its process was killed (SIGKILL) "
                    + "before it finished, by the code itself or by the machine it ran on. Submit again; if it "
                    + "happens again, ask your instructor." + tail(outcome);
        }
        if (report == null) {
            return "Training ended without a report (exit code " + outcome.exitCode() + ")"
                    + (unreadable != null ? ": " + unreadable : "") + ". Did the code call System.exit() or "
                    + "Runtime.halt(), or was the report file tampered with?" + tail(outcome);
        }
        if (!report.completed()) {
            String error = report.error() == null ? "unknown error" : report.error();
            String explanation = LimitExplanation.of(error, lab.limits(), limits, gpu).map(text -> text + "\n")
                    .orElse("");
            return explanation + "train() threw an exception:\n" + (error.length() > MAX_ERROR_CHARS
                    ? error.substring(0, MAX_ERROR_CHARS) + "\n..." : error);
        }
        if (outcome.exitCode() != 0) {
            return "Training ended with exit code " + outcome.exitCode() + " after writing its report." + tail(outcome);
        }
        return null;
    }

    private static String tail(SandboxOutcome outcome) {
        String stderr = outcome.stderr().strip();
        if (stderr.isEmpty()) {
            return "";
        }
        return "\nLast error output:\n" + stderr.substring(Math.max(0, stderr.length() - 2000));
    }
}
