package org.nnlab.grader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.nnlab.datasets.obtain.CacheDirectory;
import org.nnlab.datasets.obtain.DatasetLoader;
import org.nnlab.grader.check.Check;
import org.nnlab.grader.check.CheckCatalog;
import org.nnlab.grader.check.CheckOutcome;
import org.nnlab.grader.check.Evidence;
import org.nnlab.grader.check.RunEvidence;
import org.nnlab.grader.compile.CompileError;
import org.nnlab.grader.compile.CompileResult;
import org.nnlab.grader.compile.SubmissionCompiler;
import org.nnlab.grader.diagnosis.Diagnoser;
import org.nnlab.grader.lab.Lab;
import org.nnlab.grader.lab.LabLoader;
import org.nnlab.grader.network.NetworkConfigReader;
import org.nnlab.grader.network.NetworkDescription;
import org.nnlab.grader.result.CheckResult;
import org.nnlab.grader.result.EpochResult;
import org.nnlab.grader.result.GradingResult;
import org.nnlab.grader.result.Provenance;
import org.nnlab.grader.result.RunResult;
import org.nnlab.grader.run.EvaluationOutcome;
import org.nnlab.grader.run.GpuDevice;
import org.nnlab.grader.run.GpuTraining;
import org.nnlab.grader.run.GraderHome;
import org.nnlab.grader.run.JobWorkspace;
import org.nnlab.grader.run.LabData;
import org.nnlab.grader.run.Measured;
import org.nnlab.grader.run.NativeLibraries;
import org.nnlab.grader.run.JobStages;
import org.nnlab.grader.run.Spares;
import org.nnlab.grader.run.StageRunner;
import org.nnlab.grader.run.TrainingOutcome;
import org.nnlab.grader.sandbox.Sandbox;
import org.nnlab.grader.sandbox.SandboxOutcome;
import org.nnlab.grader.submission.Submission;
import org.nnlab.grader.submission.SubmissionException;
import org.nnlab.grader.submission.SubmissionReader;
import org.nnlab.protocol.ProgressLine;
import org.nnlab.protocol.RunLog;
import org.nnlab.protocol.TrainingJob;
import org.nnlab.protocol.TrainingReport;

/**
 * Grades a submission against a lab: compile, train and evaluate in sandboxes, then judge the evidence with the
 * lab's checks on the trusted side. Nothing the sandboxes write is believed without a check of its own.
 */
public final class Grader {
    private static final String VERSION = readVersion();
    private final GraderHome home;
    private final Sandbox sandbox;
    private final NativeLibraries natives;
    private final StageRunner stages;
    private final DatasetLoader datasets;
    private final CheckCatalog catalog;
    private final Path workRoot;
    private final NetworkConfigReader configReader = new NetworkConfigReader();

    /**
     * @param home     the sandbox installation
     * @param sandbox  where submissions run
     * @param natives  where ND4J's native libraries are unpacked
     * @param datasets where data sets come from
     * @param catalog  the check types labs may use
     * @param workRoot where job folders are made; it must be enterable by other users
     */
    public Grader(GraderHome home, Sandbox sandbox, NativeLibraries natives, DatasetLoader datasets,
                  CheckCatalog catalog, Path workRoot) {
        this(home, sandbox, natives, datasets, catalog, workRoot, new StageRunner(home, sandbox, natives, workRoot));
    }

    private Grader(GraderHome home, Sandbox sandbox, NativeLibraries natives, DatasetLoader datasets,
                   CheckCatalog catalog, Path workRoot, StageRunner stages) {
        this.home = home;
        this.sandbox = sandbox;
        this.natives = natives;
        this.stages = stages;
        this.datasets = datasets;
        this.catalog = catalog;
        this.workRoot = workRoot;
    }

    /**
     * @param cudaHome a grader home built with ND4J's CUDA backend ({@code mvn -P cuda package})
     * @param device   the GPU and the device memory one job may use
     * @return this grader, training on that GPU (its natives unpacked into the cache's {@code natives/nd4j-cuda-*});
     *     compilation and evaluation stay on the CPU
     */
    public Grader onGpu(GraderHome cudaHome, GpuDevice device) {
        NativeLibraries cudaNatives = new NativeLibraries(CacheDirectory.resolve().resolve("natives/nd4j-cuda-"
                + nd4jVersion()));
        return new Grader(home, sandbox, natives, datasets, catalog, workRoot, new StageRunner(home, sandbox, natives,
                workRoot, new GpuTraining(cudaHome, cudaNatives, device), Spares.NONE));
    }

    /**
     * @param spares how many spare stages wait, steady and after a burst of gradings, e.g. {@link Spares#auto}
     * @return a grader like this one on the CPU that keeps spare stages: training and evaluation sandboxes that an
     *     idle worker starts with {@link #startSpare} for the lab it graded last, and that the next grading of that
     *     lab takes, so that its submission finds Java and ND4J started and warmed up. Spares start five seconds
     *     apart. Stop them with {@link #stopSpares()} when the workers stop.
     */
    public Grader withSpares(Spares spares) {
        return new Grader(home, sandbox, natives, datasets, catalog, workRoot, new StageRunner(home, sandbox, natives,
                workRoot, null, spares));
    }

    /**
     * The grader every command uses: the located grader home, the standard checks (built in and extensions), the
     * standard data sources, and the cache for natives and job folders.
     *
     * @param sandbox where submissions run
     */
    public static Grader standard(Sandbox sandbox) {
        Path cache = CacheDirectory.resolve();
        return new Grader(GraderHome.locate(), sandbox, new NativeLibraries(cache.resolve("natives/nd4j-"
                + nd4jVersion())), DatasetLoader.standard(), CheckCatalog.standard(), cache.resolve("jobs"));
    }

    /** @return the check types labs may use with this grader */
    public CheckCatalog checkCatalog() {
        return catalog;
    }

    /** @return a lab loader that validates checks against this grader's catalogue */
    public LabLoader labLoader() {
        return new LabLoader(catalog::create);
    }

    /**
     * @param lab        the lab
     * @param submission the sources and answers
     * @return the result; a submission that does not compile or crashes still gets one
     * @throws SubmissionException when the sources are too large or the answers do not fit the lab
     * @throws IOException         when the job folders cannot be written
     */
    public GradingResult grade(Lab lab, Submission submission) throws IOException {
        return grade(lab, submission, GradingListener.NONE);
    }

    /**
     * @param lab        the lab
     * @param submission the sources and answers
     * @param listener   hears each stage as it begins
     * @return the result; a submission that does not compile or crashes still gets one
     * @throws SubmissionException when the sources are too large or the answers do not fit the lab
     * @throws IOException         when the job folders cannot be written
     */
    public GradingResult grade(Lab lab, Submission submission, GradingListener listener) throws IOException {
        SubmissionReader.checkSizes(submission.sources());
        SubmissionReader.checkAnswers(lab.answers(), submission.answers());
        Map<String, Long> timings = new LinkedHashMap<>();
        long start = System.nanoTime();
        LabData data = LabData.prepare(lab, datasets);
        stages.prepare();
        timings.put("preparationMillis", millisSince(start));
        try (JobStages job = stages.start(lab, data)) {
            JobWorkspace workspace = job.workspace();
            start = System.nanoTime();
            listener.stage(GradingListener.Stage.COMPILING);
            TrainingOutcome training = null;
            CompileResult compiled;
            AtomicBoolean trainingAnnounced = new AtomicBoolean();
            Runnable announceTraining = () -> {
                if (trainingAnnounced.compareAndSet(false, true)) {
                    listener.stage(GradingListener.Stage.TRAINING);
                }
            };
            Consumer<ProgressLine> progress = line -> {
                announceTraining.run();
                listener.epoch(line.run(), line.epoch());
            };
            if (job.compilesInTrainingJvm()) {
                // a spare: its training JVM compiles, then trains at once
                training = job.compileAndTrain(submission.sources(), progress, announceTraining);
                compiled = training.compiled();
                timings.put("compileMillis", compiled.elapsed().toMillis());
                timings.put("trainingSandboxMillis", millisSince(start) - compiled.elapsed().toMillis());
            } else {
                compiled = new SubmissionCompiler(sandbox, GraderHome.javaHome(), home.compileClasspath(),
                        stages.baseMounts(), stages.javacArchive())
                        .compile(submission.sources(), workspace.sources(), workspace.classes());
                timings.put("compileMillis", millisSince(start));
            }
            if (!compiled.succeeded()) {
                Evidence evidence = new Evidence(lab.parameters(), data.train().classCount(), data.train().rows(),
                        false, "The code does not compile:\n"
                        + compiled.describe(), Map.of(), Map.of(), submission.answers(), List.of());
                listener.stage(GradingListener.Stage.CHECKING);
                return result(lab, data, evidence, "", timings, compiled.errors());
            }
            if (training == null) {
                start = System.nanoTime();
                announceTraining.run();
                training = job.train(progress);
                timings.put("trainingSandboxMillis", millisSince(start));
            } else {
                announceTraining.run(); // a spare that ended before its compile report was seen
            }
            putPeakMemory(timings, "trainingSandboxPeakMb", training.sandbox());
            if (training.report() != null) {
                training.report().timingsMillis().forEach((k, v) -> timings.put("harness." + k, v));
            }
            Map<String, Measured> measured = Map.of();
            if (training.completed()) {
                start = System.nanoTime();
                listener.stage(GradingListener.Stage.EVALUATING);
                EvaluationOutcome evaluation = job.evaluate();
                timings.put("evaluationSandboxMillis", millisSince(start));
                putPeakMemory(timings, "evaluationSandboxPeakMb", evaluation.sandbox());
                evaluation.timingsMillis().forEach((k, v) -> timings.put("evaluation." + k, v));
                measured = evaluation.measured();
            }
            listener.stage(GradingListener.Stage.CHECKING);
            Evidence evidence = evidence(lab, data, submission, training, measured, workspace);
            listener.judging(evidence);
            return result(lab, data, evidence, training.sandbox().stdout() + training.sandbox().stderr(), timings,
                    List.of());
        }
    }

    /**
     * Starts a spare for this lab when fewer wait than are wanted now ({@link #withSpares}) and the last one started
     * five seconds ago or more; call it while a worker is idle. It returns once the spare's sandboxes are started; they
     * warm up on their own.
     *
     * @return whether a spare was started
     * @throws IOException when its job folders cannot be written
     */
    public boolean startSpare(Lab lab) throws IOException {
        return stages.startSpare(lab, () -> LabData.prepare(lab, datasets));
    }

    /** @return how many spares wait for a grading now */
    public int spareCount() {
        return stages.spareCount();
    }

    /** Stops the spares and starts none from now on; gradings go on, each starting its own sandboxes. */
    public void stopSpares() {
        stages.close();
    }

    /**
     * Judges evidence gathered by an earlier grading with the lab's checks, without training again: e.g. other
     * answers on the same curves.
     *
     * @param lab      the lab the evidence was gathered for
     * @param evidence what a {@link GradingListener#judging} heard, possibly with other answers
     * @return the result, with no output and no timings of training
     * @throws IOException when the lab's data cannot be read for the result's provenance
     */
    public GradingResult judge(Lab lab, Evidence evidence) throws IOException {
        SubmissionReader.checkAnswers(lab.answers(), evidence.answers());
        return result(lab, LabData.prepare(lab, datasets), evidence, "", new LinkedHashMap<>(), List.of());
    }

    private Evidence evidence(Lab lab, LabData data, Submission submission, TrainingOutcome training,
                              Map<String, Measured> measured, JobWorkspace workspace) {
        TrainingReport report = training.report();
        Map<String, RunEvidence> runs = new LinkedHashMap<>();
        if (report != null) {
            for (String run : lab.runs()) {
                if (!report.runs().containsKey(run)) {
                    continue;
                }
                Measured m = measured.getOrDefault(run, Measured.failed("not evaluated"));
                NetworkDescription network = null;
                String problem = m.problem();
                var file = JobWorkspace.plainFile(workspace.output(), TrainingJob.networkFile(run));
                if (file.isPresent()) {
                    try {
                        network = configReader.read(file.get());
                    } catch (IOException e) {
                        problem = "its saved configuration cannot be read: " + e.getMessage();
                    }
                }
                RunLog log = report.runs().get(run);
                runs.put(run, new RunEvidence(run, log.epochs(), network, problem, m.validation(), m.test(),
                        m.trainingSubset(), m.symmetry(), trainedNetwork(log.trainedConfiguration()),
                        log.validationRowsFitted(), m.epochs(), m.activity()));
            }
        }
        return new Evidence(lab.parameters(), data.train().classCount(), data.train().rows(), training.completed(),
                training.failure(), runs, report == null ? Map.of() : report.reported(), submission.answers(),
                report == null ? List.of() : report.warnings());
    }

    /** @return the configuration the harness recorded at the first epoch, or null when it recorded none it could */
    private NetworkDescription trainedNetwork(String configurationJson) {
        if (configurationJson == null) {
            return null;
        }
        try {
            return configReader.describe(configurationJson.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        }
    }

    private GradingResult result(Lab lab, LabData data, Evidence evidence, String output, Map<String, Long> timings,
                                 List<CompileError> compileErrors) {
        long start = System.nanoTime();
        List<Check> checks = lab.checks().stream().map(catalog::create).toList();
        List<CheckOutcome> outcomes = checks.stream().map(check -> check.evaluate(evidence)).toList();
        boolean gateFailed = false;
        boolean integrityFailure = false;
        for (int i = 0; i < checks.size(); i++) {
            gateFailed |= checks.get(i).isGate() && outcomes.get(i).fraction() < 1;
            integrityFailure |= outcomes.get(i).integrityFailure();
        }
        List<CheckResult> results = new ArrayList<>();
        double score = 0;
        for (int i = 0; i < checks.size(); i++) {
            var spec = lab.checks().get(i);
            CheckOutcome outcome = outcomes.get(i);
            if (gateFailed && !checks.get(i).isGate()) {
                outcome = CheckOutcome.fail("Not graded: the code must compile and train() must complete first.");
            } else if (integrityFailure && checks.get(i).usesRecordedCurves()) {
                outcome = CheckOutcome.fail("Not scored: the recorded curves contradict the grader's measurements of "
                        + "the saved networks (see the consistency check).");
            }
            double points = Math.round(outcome.fraction() * spec.points() * 100) / 100.0;
            score += points;
            results.add(new CheckResult(spec.id(), spec.title(), points, spec.points(), outcome.fraction() >= 1,
                    outcome.message()));
        }
        timings.put("checksMillis", millisSince(start));
        Map<String, RunResult> runs = new LinkedHashMap<>();
        evidence.runs().forEach((name, run) -> runs.put(name, new RunResult(run.epochs().stream().map(EpochResult::of)
                .toList(), run.validation() == null ? null : run.validation().accuracy(),
                run.test() == null ? null : run.test().accuracy())));
        Provenance provenance = new Provenance(VERSION, lab.id(), lab.version(), data.sha256(), lab.split().seed(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), stages.trainingBackend(),
                sandbox.describe());
        return new GradingResult(lab.id(), Math.round(score * 100) / 100.0, lab.maxScore(), integrityFailure, results,
                runs, output, timings, provenance, compileErrors, Diagnoser.diagnose(evidence, lab.checks(), results));
    }

    /** Adds a sandbox's peak memory in MB (not a time: the key says its unit) where the sandbox measured it. */
    private static void putPeakMemory(Map<String, Long> timings, String key, SandboxOutcome sandbox) {
        if (sandbox != null && sandbox.peakMemoryBytes() >= 0) {
            timings.put(key, sandbox.peakMemoryBytes() >> 20);
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** @return how this grader isolates submissions, e.g. "bubblewrap 0.8.0, cgroup v1" */
    public String describeSandbox() {
        return sandbox.describe();
    }

    /** @return nnlab's version */
    public static String version() {
        return VERSION;
    }

    private static String nd4jVersion() {
        return properties().getProperty("nd4j", "unknown");
    }

    private static String readVersion() {
        return properties().getProperty("version", "unknown");
    }

    private static Properties properties() {
        Properties properties = new Properties();
        try (InputStream in = Grader.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // versions stay unknown
        }
        return properties;
    }
}
