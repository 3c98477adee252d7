package org.nnlab.grader.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nnlab.datasets.LabeledData;
import org.nnlab.datasets.obtain.DatasetLoader;
import org.nnlab.grader.Grader;
import org.nnlab.grader.benchmark.BenchmarkReport;
import org.nnlab.grader.benchmark.Machine;
import org.nnlab.grader.benchmark.Measurements;
import org.nnlab.grader.benchmark.PlatformStart;
import org.nnlab.grader.benchmark.PytorchPeer;
import org.nnlab.grader.benchmark.StageRows;
import org.nnlab.grader.benchmark.Targets;
import org.nnlab.grader.benchmark.ThroughputRun;
import org.nnlab.grader.lab.Lab;
import org.nnlab.grader.result.GradingResult;
import org.nnlab.grader.result.RunResult;
import org.nnlab.grader.run.JobWorkspace;
import org.nnlab.grader.run.LabData;
import org.nnlab.grader.run.Spares;
import org.nnlab.grader.submission.Submission;
import org.nnlab.protocol.Matrix;

/**
 * The grading benchmark: grades a lab's reference solution in the sandbox several times (after one warm-up) and
 * measures, in the same run, the in-process floor (the same training in one plain JVM), the PyTorch peer on the
 * same rows, the throughput of a queue of submissions and the end-to-end time against the number of epochs and the
 * number of submissions queued at once. Prints progress, then the table. A benchmark, not a test: it asserts nothing
 * and is run by hand.
 */
public final class GradingBenchmark {
    /** How long a spare warms up before the grading that takes it: its JVMs' start and warm-up take 3 to 4 s. */
    private static final Duration SPARE_WARM_UP = Duration.ofSeconds(8);
    /** How long the machine's CPU is measured while the spares wait, before the first queue. */
    private static final Duration IDLE_CPU_WINDOW = Duration.ofSeconds(10);
    private static final String SPARES_WAITING_CPU = "spares: machine CPU while they wait, before a queue";
    private final Grader sandboxed;
    private final Grader floor;
    private final PlatformStart platform;
    private final PytorchPeer peer;
    private final PrintStream out;

    /**
     * What to measure.
     *
     * @param repeat      gradings (and floor and peer runs) per median
     * @param queued      submissions queued at once for the throughput run; 0 skips it
     * @param workers     workers grading the queue
     * @param spares      spares ready when a queue arrives (as the platform's {@code nnlab.grading.spares} keeps them
     *                    after a burst); 0 for none
     * @param epochScales epoch counts to grade once each for the scaling rows; empty skips them
     * @param queueScales numbers of submissions to queue at once, each once, for the scaling rows; empty skips them
     * @param starts      platform starts to time ({@code ./nnlab run} to the first 200); 0 skips them
     */
    public record Settings(int repeat, int queued, int workers, int spares, List<Integer> epochScales,
                           List<Integer> queueScales, int starts) {
        /** Copies the lists. */
        public Settings {
            epochScales = List.copyOf(epochScales);
            queueScales = List.copyOf(queueScales);
        }
    }

    /**
     * @param sandboxed the grader to time, with the bubblewrap sandbox
     * @param floor     the same grader without a sandbox, for the reference's in-process training (trusted code)
     * @param peer      the PyTorch peer
     * @param platform  the platform's start, timed
     * @param out       where progress goes
     */
    public GradingBenchmark(Grader sandboxed, Grader floor, PytorchPeer peer, PlatformStart platform,
                            PrintStream out) {
        this.sandboxed = sandboxed;
        this.floor = floor;
        this.peer = peer;
        this.platform = platform;
        this.out = out;
    }

    /** @return the report of every measurement; progress is printed as it goes */
    public BenchmarkReport run(Lab lab, Settings settings) throws IOException {
        Machine machine = Machine.current();
        Submission reference = LabSelfTest.reference(lab);
        Measurements rows = new Measurements();
        List<String> notes = new ArrayList<>();
        progress("warm-up grading (not counted)");
        grade(sandboxed, lab, reference);
        GradingResult last = null;
        Grader spared = sandboxed.withSpares(Spares.fixed(1));
        // Interleaved, so that each repeat's four measurements see the same load on a shared machine.
        try (PeerInputs inputs = peerInputs(lab, notes)) {
            for (int i = 1; i <= settings.repeat(); i++) {
                startWarmSpare(spared, lab);
                long start = System.nanoTime();
                last = grade(spared, lab, reference);
                long total = millisSince(start);
                StageRows.addGrading(rows, last.timings(), total);
                progress("sandboxed grading %d/%d, warm spare: %d ms, score %s / %s", i, settings.repeat(), total,
                        last.score(), last.maxScore());
                start = System.nanoTime();
                grade(sandboxed, lab, reference);
                total = millisSince(start);
                rows.add(StageRows.END_TO_END_WITHOUT_SPARE, "ms", total);
                progress("sandboxed grading %d/%d, no spare: %d ms", i, settings.repeat(), total);
                GradingResult result = grade(floor, lab, reference);
                StageRows.addFloor(rows, result.timings());
                progress("in-process floor %d/%d: training %d ms", i, settings.repeat(),
                        result.timings().get("harness.trainingMillis"));
                if (inputs != null) {
                    measurePeer(lab, inputs, rows);
                }
            }
        } finally {
            spared.stopSpares();
        }
        addAccuracies(rows, last);
        if (settings.queued() > 0) {
            measureThroughput(lab, reference, settings, rows);
        }
        for (int epochs : settings.epochScales()) {
            long start = System.nanoTime();
            GradingResult result = grade(sandboxed, lab.withParameter("epochs", epochs), reference);
            long total = millisSince(start);
            rows.add("scaling: end-to-end at " + epochs + " epochs", "ms", total);
            rows.add("scaling: training A+B (sandboxed) at " + epochs + " epochs", "ms",
                    result.timings().getOrDefault("harness.trainingMillis", -1L));
            progress("%d epochs: %d ms", epochs, total);
        }
        for (int queued : settings.queueScales()) {
            measureQueue(lab, reference, queued, settings, rows);
        }
        if (settings.starts() > 0) {
            measureStarts(settings.starts(), rows, notes);
        }
        notes.add("end-to-end is Grader.grade() from the submitted sources to the result (the platform's queue and"
                + " database are not included), taking a spare started " + SPARE_WARM_UP.toSeconds() + " s before, as"
                + " an idle worker keeps one for the lab it graded last; without a spare, the grading starts its own"
                + " sandboxes, as under load once the spares are taken; the in-process floor is the same"
                + " training of A and B timed inside one plain JVM with the sandbox's JVM settings.");
        if (settings.spares() > 0 && (settings.queued() > 0 || !settings.queueScales().isEmpty())) {
            notes.add("each queue of the throughput and scaling parts arrives with " + settings.spares() + " spares"
                    + " ready (or as many as it holds), started one after another as idle workers start them, the"
                    + " last " + SPARE_WARM_UP.toSeconds() + " s before; 'throughput without spares' queues the same"
                    + " number with none, as a queue that outlasts the spares is graded.");
        }
        notes.add("peak memory is the job cgroup's peak (resident memory plus page cache and tmpfs it charged).");
        notes.add("load average at the start " + machine.loadAverage() + ", at the end " + Machine.loadAverageNow()
                + " (the machine may be shared).");
        return new BenchmarkReport("nnlab grading benchmark: " + lab.id() + " (" + lab.parameters().get("epochs")
                .intValue() + " epochs, batch " + lab.parameters().get("batchSize").intValue() + "), "
                + sandboxed.describeSandbox() + ", " + settings.repeat() + " repeats", machine, rows.rows(),
                Targets.of(rows, settings.workers()), notes);
    }

    /** The training and validation parts as matrix files for the peer, in a folder deleted on close. */
    private record PeerInputs(Path folder, Path train, Path validation) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            JobWorkspace.deleteTree(folder);
        }
    }

    /** @return the peer's inputs, or null (with a note) when the peer cannot run here */
    private PeerInputs peerInputs(Lab lab, List<String> notes) throws IOException {
        String unavailable = peer.unavailableReason();
        if (unavailable != null) {
            notes.add("PyTorch peer not measured: " + unavailable + ".");
            progress("PyTorch peer skipped: %s", unavailable);
            return null;
        }
        LabData data = LabData.prepare(lab, DatasetLoader.standard());
        Path folder = Files.createTempDirectory("nnlab-benchmark");
        return new PeerInputs(folder, write(data.train(), folder.resolve("train.bin")),
                write(data.validation(), folder.resolve("validation.bin")));
    }

    private void measurePeer(Lab lab, PeerInputs inputs, Measurements rows) throws IOException {
        PytorchPeer.Result result = peer.train(inputs.train(), inputs.validation(),
                lab.parameters().get("epochs").intValue(), lab.parameters().get("batchSize").intValue(),
                lab.split().seed());
        double millis = (result.a().seconds() + result.b().seconds()) * 1000;
        rows.add(Targets.PEER_TRAINING, "ms", millis);
        rows.add("peer: training A", "ms", result.a().seconds() * 1000);
        rows.add("peer: training B", "ms", result.b().seconds() * 1000);
        rows.add("peer: python3 process, whole", "ms", result.processMillis());
        rows.add("accuracy: PyTorch A, validation, final epoch", "fraction", result.a().finalValidationAccuracy());
        rows.add("accuracy: PyTorch B, validation, final epoch", "fraction", result.b().finalValidationAccuracy());
        progress("PyTorch peer: training %.0f ms (torch %s, %d thread)", millis, result.torch(), result.threads());
    }

    private static void addAccuracies(Measurements rows, GradingResult result) {
        if (result == null) {
            return;
        }
        for (String run : List.of("A", "B")) {
            RunResult measured = result.runs().get(run);
            if (measured != null && measured.validationAccuracy() != null) {
                rows.add("accuracy: nnlab " + run + ", validation, final epoch", "fraction",
                        measured.validationAccuracy());
            }
        }
    }

    private void measureThroughput(Lab lab, Submission reference, Settings settings, Measurements rows)
            throws IOException {
        progress("throughput: %d submissions queued at once, %d workers, %d spares ready", settings.queued(),
                settings.workers(), Math.min(settings.queued(), settings.spares()));
        ThroughputRun.Throughput throughput = queue(lab, reference, settings.queued(), settings, rows);
        rows.add(Targets.THROUGHPUT, "/min", throughput.perMinute());
        throughput.queueWaits().forEach(wait -> rows.add("throughput: queue wait", "ms", wait));
        throughput.gradingMillis().forEach(millis -> rows.add("throughput: end-to-end per submission under load",
                "ms", millis));
        progress("throughput: %.2f per minute, %d ms in all", throughput.perMinute(), throughput.wallMillis());
        if (settings.spares() > 0) {
            progress("throughput without spares: %d submissions queued at once", settings.queued());
            ThroughputRun.Throughput sustained = new ThroughputRun(sandboxed, settings.workers()).run(lab, reference,
                    settings.queued());
            rows.add(Targets.THROUGHPUT_WITHOUT_SPARES, "/min", sustained.perMinute());
            progress("throughput without spares: %.2f per minute", sustained.perMinute());
        }
    }

    /**
     * Queues {@code count} submissions at once on the workers, with the settings' spares ready as an idle platform
     * keeps them after a burst (as many as the queue takes): started one after another, as idle workers start them,
     * the last one {@link #SPARE_WARM_UP} before the queue arrives. The first time, it also measures the machine's
     * CPU while the spares wait.
     */
    private ThroughputRun.Throughput queue(Lab lab, Submission reference, int count, Settings settings,
                                           Measurements rows) throws IOException {
        int ready = Math.min(count, settings.spares()); // more would wait unused
        Grader pooled = sandboxed.withSpares(Spares.fixed(ready));
        try {
            while (pooled.spareCount() < ready) {
                if (!pooled.startSpare(lab)) {
                    sleep(Duration.ofMillis(250)); // the spacing between spares
                }
            }
            sleep(SPARE_WARM_UP);
            if (ready > 0 && rows.get(SPARES_WAITING_CPU).isEmpty()) {
                double before = Machine.busyCpuSecondsNow();
                sleep(IDLE_CPU_WINDOW);
                double busy = Machine.busyCpuSecondsNow() - before;
                if (before >= 0) {
                    rows.add(SPARES_WAITING_CPU, "% of a core", 100 * busy / IDLE_CPU_WINDOW.toSeconds());
                }
            }
            return new ThroughputRun(pooled, settings.workers()).run(lab, reference, count);
        } finally {
            pooled.stopSpares();
        }
    }

    /**
     * Queues {@code count} submissions at once on the workers: the time to the last result, and each one's time
     * from queued to result (its wait for a worker and its grading).
     */
    private void measureQueue(Lab lab, Submission reference, int count, Settings settings, Measurements rows)
            throws IOException {
        progress("scaling: %d submissions queued at once, %d workers, %d spares ready", count, settings.workers(),
                Math.min(count, settings.spares()));
        ThroughputRun.Throughput run = queue(lab, reference, count, settings, rows);
        String name = "scaling: " + count + " queued";
        rows.add(Targets.queueRow(count), "ms", run.wallMillis());
        for (int i = 0; i < count; i++) {
            rows.add(name + ": queued to result, each", "ms", run.queueWaits().get(i) + run.gradingMillis().get(i));
        }
        progress("scaling: %d queued: %d ms to the last result", count, run.wallMillis());
    }

    /** Times the platform's starts; a start that fails is noted, and the rows measured so far are kept. */
    private void measureStarts(int starts, Measurements rows, List<String> notes) {
        String unavailable = platform.unavailableReason();
        if (unavailable != null) {
            notes.add("platform start not measured: " + unavailable + ".");
            progress("platform start skipped: %s", unavailable);
            return;
        }
        progress("platform start: ./nnlab run, %d starts after one not counted", starts);
        try {
            for (long millis : platform.measure(starts)) {
                rows.add(Targets.PLATFORM_START, "ms", millis);
                progress("platform start: %d ms to the first 200", millis);
            }
        } catch (IOException e) {
            notes.add("platform start not measured: " + e.getMessage() + ".");
            progress("platform start failed: %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            notes.add("platform start not measured: interrupted.");
        }
    }

    /**
     * Starts a spare for the lab, as an idle worker does, and waits while its JVMs start and warm up: a submission
     * to an idle platform finds its spare that far along, or further.
     */
    private static void startWarmSpare(Grader spared, Lab lab) throws IOException {
        if (!spared.startSpare(lab)) {
            throw new IllegalStateException("the benchmark's grader has no room for a spare");
        }
        sleep(SPARE_WARM_UP);
    }

    private static void sleep(Duration duration) throws IOException {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while spares warmed up", e);
        }
    }

    private static GradingResult grade(Grader grader, Lab lab, Submission submission) throws IOException {
        GradingResult result = grader.grade(lab, submission);
        lab.checks().stream().filter(check -> check.type().equals("completes")).map(check -> result.check(check.id()))
                .filter(check -> !check.passed()).findFirst().ifPresent(gate -> {
                    throw new IllegalStateException("the reference solution did not complete (" + gate.message()
                            + "): the benchmark would time a failure. Run './nnlab validate --lab "
                            + lab.directory() + "'.");
                });
        return result;
    }

    private static Path write(LabeledData part, Path file) throws IOException {
        new Matrix(part.rows(), part.featureCount(), part.features(), part.labels()).write(file);
        return file;
    }

    private void progress(String format, Object... arguments) {
        out.printf(Locale.ROOT, "[%tT] " + format + "%n", prepend(System.currentTimeMillis(), arguments));
        out.flush();
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
