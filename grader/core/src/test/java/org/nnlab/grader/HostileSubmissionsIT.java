package org.nnlab.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.Isolated;
import org.nnlab.datasets.obtain.CacheDirectory;
import org.nnlab.grader.lab.Lab;
import org.nnlab.grader.reliability.Reliability;
import org.nnlab.grader.result.CheckResult;
import org.nnlab.grader.result.GradingResult;
import org.nnlab.grader.run.GraderHome;
import org.nnlab.grader.sandbox.BubblewrapSandbox;
import org.nnlab.grader.sandbox.SandboxLeftovers;
import org.nnlab.grader.submission.Submission;
import org.nnlab.grader.submission.SubmissionException;

/**
 * Hostile submissions (the sources of {@code src/test/resources/hostile/CASE/}) graded against the digits lab with a
 * 20 s time limit, 768 MB of memory (192 MB of heap) and a port parameter, two at a time; the memory bombs against a
 * variant with 512 MB (128 MB of heap), so that they reach the limit sooner, and 30 s, since the kernel may take
 * seconds to kill at the limit. Each case asserts what the student reads, and that the job ended within its limits:
 * <ul>
 *   <li>network: a connection to a server on the host's loopback (refused, nothing arrives), to an outside address
 *       (unreachable), a DNS lookup (fails);</li>
 *   <li>files: a host file outside the mounts, the data set and the hidden test part (none found), writes outside
 *       scratch (read-only everywhere), deleting or replacing the harness, API and data files (read-only);</li>
 *   <li>resources: fork bomb, thread bomb, heap bomb, ND4J off-heap bomb, native malloc bomb (each stopped at its
 *       limit, with a message that names it), filling scratch (no space left), filling the output folder on the
 *       host's disk (stopped at its quota), a 100 MB flood of output (cut), an endless loop and sleeping forever
 *       (stopped at the time limit);</li>
 *   <li>the JVM and the machine: System.exit and Runtime.halt (no report), loading native code (only inside), a
 *       process daemonized twice (killed with the job), reading the supervisor's environment (only the sandbox's
 *       own);</li>
 *   <li>compile time: an annotation processor in the submission (never run), a 3 MB source (refused), types nested
 *       1500 deep (javac stops, with a message).</li>
 * </ul>
 * After each case, with no grading in flight: no process of a job and no job cgroup of this JVM is left, no job folder
 * remains, the harness, natives, data set and lab files are unchanged, and a world-writable canary file in the
 * host's /tmp is untouched.
 */
@Reliability("hostile submissions")
@Execution(ExecutionMode.CONCURRENT)
@Isolated("after each case it checks that no job of this JVM left a process, a cgroup or a folder behind")
class HostileSubmissionsIT {
    private static final String THREW = "train() threw an exception:\n";
    /** Gradings hold it shared; the checks after each case hold it alone, so that no job is in flight then. */
    private static final ReadWriteLock GRADINGS = new ReentrantReadWriteLock();
    private static Grader grader;
    private static Lab lab;
    private static Lab smallMemoryLab;
    private static ServerSocket server;
    private static Path canary;
    private static Path jobs;
    private static List<Path> jobsBefore;
    private static List<Path> untouchable;
    private static HostFiles before;

    @BeforeAll
    static void prepare(@TempDir Path temp) throws IOException {
        LabFolders.assumeSandbox();
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        server.setSoTimeout(200);
        grader = Grader.standard(new BubblewrapSandbox());
        Path labFolder = digitsWithLimits(temp.resolve("lab"), 20, 768, 192);
        lab = grader.labLoader().load(labFolder);
        Path smallMemoryFolder = digitsWithLimits(temp.resolve("small-memory"), 30, 512, 128);
        smallMemoryLab = grader.labLoader().load(smallMemoryFolder);
        canary = Files.writeString(Path.of("/tmp", "nnlab-canary-" + ProcessHandle.current().pid()), "canary");
        Files.setPosixFilePermissions(canary, PosixFilePermissions.fromString("rw-rw-rw-"));
        Path cache = CacheDirectory.resolve();
        jobs = Files.createDirectories(cache.resolve("jobs"));
        jobsBefore = jobFolders();
        Path home = GraderHome.locate().root();
        untouchable = List.of(home, cache.resolve("natives"), cache.resolve("datasets"), labFolder, smallMemoryFolder);
        before = HostFiles.of(untouchable, hashed(home, cache));
    }

    @AfterAll
    static void removeCanary() throws IOException {
        if (canary != null) {
            Files.deleteIfExists(canary);
        }
    }

    @AfterEach
    void nothingLeakedAndTheHostIsUntouched() throws IOException {
        GRADINGS.writeLock().lock();
        try {
            assertEquals(List.of(), SandboxLeftovers.livingSandboxProcessesOfThisJvm(), "processes of the jobs");
            assertEquals(List.of(), SandboxLeftovers.jobCgroupsOfThisJvm(), "job cgroups");
            assertEquals(jobsBefore, jobFolders(), "job folders");
            assertEquals("canary", Files.readString(canary), "the host's canary file");
            assertFalse(Files.exists(Path.of("/tmp", "nnlab-hostile-write")), "a file written into the host's /tmp");
            assertEquals(before, HostFiles.of(untouchable, hashed(GraderHome.locate().root(),
                    CacheDirectory.resolve())), "harness, natives, data set and lab files");
        } finally {
            GRADINGS.writeLock().unlock();
        }
    }

    // ---- network

    @Test
    void aConnectionToTheHostIsRefusedAndNothingArrives() throws IOException {
        CheckResult gate = grade("network").check("completes");

        assertTrue(gate.message().startsWith(THREW + "java.net.ConnectException: Connection refused"),
                gate.message());
        assertThrows(SocketTimeoutException.class, () -> server.accept().close(),
                "the sandboxed code reached the host's loopback");
    }

    @Test
    void anOutsideAddressIsUnreachable() throws IOException {
        assertEquals("java.net.SocketException: Network is unreachable", thrown(grade("outside-address")));
    }

    @Test
    void aDnsLookupFails() throws IOException {
        assertTrue(thrown(grade("dns")).startsWith("java.net.UnknownHostException: deb.debian.org"));
    }

    // ---- files

    @Test
    void aHostFileOutsideTheMountsCannotBeRead() throws IOException {
        assertEquals("java.nio.file.NoSuchFileException: /etc/hostname", thrown(grade("host-file")));
    }

    @Test
    void theDataSetAndTheHiddenTestPartAreNowhereInTheSandbox() throws IOException {
        assertEquals("java.lang.IllegalStateException: data set: NoSuchFileException; data set via /proc/1/root: "
                + "NoSuchFileException; other jobs: listed 0; evaluation folder: NoSuchFileException; test features: "
                + "NoSuchFileException", thrown(grade("hidden-labels")));
    }

    @Test
    void writesOutsideScratchFailOnAReadOnlyFileSystem() throws IOException {
        String readOnly = "Read-only file system";
        // the job folder holds only mount points: below /tmp (a checkout there) it is a folder of the sandbox's own
        // /tmp, a private tmpfs, so a write lands there and never on the host
        String jobFolder = CacheDirectory.resolve().startsWith("/tmp") ? "written" : readOnly;

        assertEquals("java.lang.IllegalStateException: /tmp: written; /: " + readOnly + "; harness libraries: "
                + readOnly + "; grader home: " + readOnly + "; natives: " + readOnly + "; grader cache: " + readOnly
                + "; job input: " + readOnly + "; job folder: " + jobFolder + "; classes: " + readOnly + "; JDK: "
                + readOnly, thrown(grade("write-outside")));
    }

    @Test
    void harnessApiAndDataFilesCannotBeDeletedOrReplaced() throws IOException {
        String readOnly = "Read-only file system";

        assertEquals("java.lang.IllegalStateException: delete harness jar: " + readOnly + "; replace API jar: "
                + readOnly + "; plant a jar: " + readOnly + "; delete training data: " + readOnly
                + "; replace validation data: " + readOnly + "; rewrite the job: " + readOnly,
                thrown(grade("harness-files")));
    }

    // ---- resources

    @Test
    void aForkBombIsContainedAndLeavesNoProcess() throws IOException {
        GradingResult result = grade("fork-bomb");

        // Which limit stops it first is a race: the time limit while the bomb forks, or the process limit when the
        // bomb has taken every pid and the harness's JVM can start no thread of its own.
        String message = result.check("completes").message();
        assertTrue(message.equals(timeLimitMessage()) || message.startsWith("train() started more threads or "
                + "processes than the lab allows (256 in all, ND4J's own included)."), message);
        assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine().orElse("")
                .contains("nnlabbomb")), "a process of the fork bomb survived");
    }

    @Test
    void aThreadBombIsStoppedAtTheProcessLimit() throws IOException {
        assertTrue(completes(grade("thread-bomb")).startsWith("train() started more threads or processes than the lab "
                + "allows (256 in all, ND4J's own included).\n" + THREW + "java.lang.OutOfMemoryError: unable to "
                + "create native thread"));
    }

    @Test
    void aHeapBombRunsOutOfJavaHeapAndIsToldSo() throws IOException {
        assertTrue(completes(grade(smallMemoryLab, "heap-bomb")).startsWith("train() ran out of Java heap: the lab "
                + "allows 128 MB of heap (512 MB in all). Keep fewer copies of the data or smaller networks.\n" + THREW
                + "java.lang.OutOfMemoryError: Java heap space"));
    }

    @Test
    void anNd4jOffHeapBombIsStoppedAtTheMemoryLimit() throws IOException {
        assertEquals(memoryLimitMessage(), completes(grade(smallMemoryLab, "nd4j-off-heap-bomb")));
    }

    @Test
    void aNativeMallocBombIsKilledAtTheMemoryLimit() throws IOException {
        assertEquals(memoryLimitMessage(), completes(grade(smallMemoryLab, "native-memory-bomb")));
    }

    @Test
    void fillingScratchStopsWhenItIsFull() throws IOException {
        assertTrue(completes(grade("disk-fill")).startsWith("train() filled its scratch folder: the lab allows 512 MB "
                + "of files in all.\n" + THREW + "java.io.IOException: No space left on device"));
    }

    @Test
    void fillingTheOutputFolderOnTheHostsDiskIsStoppedAtItsQuota() throws IOException {
        assertEquals("train() wrote more than the lab allows outside its scratch folder (512 MB in all) and was "
                + "stopped.", completes(grade("output-fill")));
    }

    @Test
    void a100MbFloodOfOutputIsCutAtTheLabsCap() throws IOException {
        GradingResult result = grade("flood");

        assertTrue(result.output().length() <= 2 * 256 * 1024, "kept " + result.output().length() + " characters");
        assertTrue(result.output().startsWith("xxxxxxxx"));
        assertTrue(result.check("completes").passed());
    }

    @Test
    void anEndlessLoopIsStoppedAtTheTimeLimit() throws IOException {
        GradingResult result = grade("loop");

        assertEquals(timeLimitMessage(), result.check("completes").message());
        assertEquals(0, result.score());
    }

    @Test
    void sleepingForeverIsStoppedAtTheTimeLimit() throws IOException {
        assertEquals(timeLimitMessage(), completes(grade("sleep")));
    }

    // ---- the JVM and the machine

    @Test
    void systemExitEndsTrainingWithoutAReport() throws IOException {
        assertEquals(noReportMessage(0), completes(grade("exit")));
    }

    @Test
    void runtimeHaltEndsTrainingWithoutAReport() throws IOException {
        assertEquals(noReportMessage(7), completes(grade("halt")));
    }

    @Test
    void nativeCodeLoadsFromScratchOnlyAndNeverFromTheHost() throws IOException {
        GradingResult result = grade("native-code");

        assertEquals("loaded /tmp/libnnlabhostile.so\n", result.output());
        assertEquals("java.lang.UnsatisfiedLinkError: Can't load library: /root/libnnlabhostile.so", thrown(result));
    }

    @Test
    void aProcessDaemonizedTwiceDoesNotOutliveTheJob() throws IOException {
        GradingResult result = grade("outliving-process");

        assertEquals("The code compiled and train() completed.", completes(result));
        assertTrue(result.output().contains("daemon started"), result.output());
        assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine().orElse("")
                .contains("nnlab-outliving")), "the daemon outlived the job");
    }

    @Test
    void theSupervisorsEnvironmentIsNotVisible() throws IOException {
        List<String> sandboxOwn = List.of("HOME=/tmp", "LANG=C.UTF-8", "OMP_NUM_THREADS=1", "PATH=/usr/bin:/bin");

        String seen = thrown(grade("environment"));

        assertEquals("java.lang.IllegalStateException: environment seen: " + sandboxOwn, seen);
        System.getenv().forEach((key, value) -> assertTrue(sandboxOwn.contains(key + "=" + value)
                || !seen.contains(key + "=" + value), key));
    }

    // ---- compile time

    @Test
    void anAnnotationProcessorInTheSubmissionNeverRuns() throws IOException {
        assertEquals("java.lang.IllegalStateException: processor marker absent", thrown(grade("annotation-processor")));
    }

    @Test
    void aSourceOfMegabytesIsRefusedBeforeItIsCompiled() throws IOException {
        Map<String, String> sources = new TreeMap<>(sources("huge-source"));
        sources.put("Solution.java", sources.get("Solution.java") + ("// " + "x".repeat(1021) + "\n").repeat(3072));

        SubmissionException refused = assertThrows(SubmissionException.class, () -> grade(lab, sources));

        assertEquals("The file Solution.java is larger than 256 KiB; a lab solution is much smaller.",
                refused.getMessage());
    }

    @Test
    void typesNested1500DeepStopTheCompilerWithAClearMessage() throws IOException {
        GradingResult result = grade("nested-generics");

        assertEquals("The code does not compile:\njavac ran out of resources compiling this code "
                + "(java.lang.StackOverflowError): simplify deeply nested types, expressions or blocks.",
                completes(result));
        assertTrue(result.timings().get("compileMillis") < 120_000, result.timings().toString());
    }

    // ---- helpers

    private static GradingResult grade(String hostile) throws IOException {
        return grade(lab, sources(hostile));
    }

    private static GradingResult grade(Lab against, String hostile) throws IOException {
        return grade(against, sources(hostile));
    }

    private static GradingResult grade(Lab against, Map<String, String> sources) throws IOException {
        GRADINGS.readLock().lock();
        try {
            GradingResult result = grader.grade(against, new Submission(sources, Map.of()));
            Long training = result.timings().get("trainingSandboxMillis");
            assertTrue(training == null || training < (against.limits().wallSeconds() + 15) * 1000L,
                    "training ended within its time limit: " + result.timings());
            return result;
        } finally {
            GRADINGS.readLock().unlock();
        }
    }

    /** @return the sources of a hostile case, by file name */
    private static Map<String, String> sources(String hostile) throws IOException {
        Map<String, String> sources = new TreeMap<>();
        Path folder;
        try {
            folder = Path.of(HostileSubmissionsIT.class.getResource("/hostile/" + hostile).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.java")) {
            for (Path file : files) {
                sources.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return sources;
    }

    /** @return the message of the completes check, the one every hostile case fails */
    private static String completes(GradingResult result) {
        return result.check("completes").message();
    }

    /** @return the first line of what train() threw, as the student reads it */
    private static String thrown(GradingResult result) {
        String message = completes(result);
        assertTrue(message.startsWith(THREW), message);
        return message.substring(THREW.length()).lines().findFirst().orElse("");
    }

    private static String timeLimitMessage() {
        return "train() did not finish within the lab's time limit of 20 s and was stopped. Check for an endless loop, "
                + "or train only the lab's epochs.";
    }

    private static String noReportMessage(int exitCode) {
        return "Training ended without a report (exit code " + exitCode + "). Did the code call System.exit() or "
                + "Runtime.halt(), or was the report file tampered with?";
    }

    private static String memoryLimitMessage() {
        return "train() ran out of memory: the lab allows 512 MB in all (128 MB of Java heap). Keep fewer copies of "
                + "the data or smaller networks.";
    }

    /** @return a copy of the digits lab with these limits and the port parameter */
    private static Path digitsWithLimits(Path folder, int wallSeconds, int memoryMb, int heapMb) throws IOException {
        return LabFolders.variant("digits-regularization", folder, text -> text
                .replace("wallSeconds: 240", "wallSeconds: " + wallSeconds)
                .replace("memoryMb: 3072", "memoryMb: " + memoryMb).replace("heapMb: 1024", "heapMb: " + heapMb)
                .replace("  factor: 0.5\n", "  factor: 0.5\n  port: " + server.getLocalPort() + "\n"));
    }

    private static List<Path> jobFolders() throws IOException {
        try (Stream<Path> folders = Files.list(jobs)) {
            return folders.sorted().toList();
        }
    }

    /** @return the files whose contents are hashed: the nnlab jars of the grader home, the data set files */
    private static List<Path> hashed(Path home, Path cache) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path folder : List.of(home.resolve("lib"), cache.resolve("datasets"))) {
            try (Stream<Path> entries = Files.list(folder)) {
                entries.filter(file -> file.getFileName().toString().startsWith("nnlab-")
                        || folder.endsWith("datasets")).filter(Files::isRegularFile).forEach(files::add);
            }
        }
        return files;
    }
}
