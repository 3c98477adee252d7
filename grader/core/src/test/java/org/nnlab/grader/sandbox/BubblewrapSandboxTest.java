package org.nnlab.grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs hostile programs in the real bubblewrap sandbox of this machine and checks the exact outcome of each.
 * Skipped, with the reason, only where {@link BubblewrapSandbox#probe()} says this machine cannot sandbox.
 *
 * <p>After every test: no process of the job's uid is left and the job's cgroup directories are gone.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BubblewrapSandboxTest {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final long MB = 1L << 20;

    private static Path hostileDir;

    private final Sandbox sandbox = new BubblewrapSandbox();

    @TempDir
    Path temp;

    @BeforeAll
    static void requireASandboxingMachine() throws Exception {
        SandboxProbe probe = BubblewrapSandbox.probe();
        assumeTrue(probe.available(), () -> "this machine cannot sandbox: " + probe.problem());
        hostileDir = Path.of(BubblewrapSandboxTest.class.getResource("/sandbox/Hostile.java").toURI()).getParent();
    }

    @AfterEach
    void nothingOfTheJobIsLeft() throws IOException {
        int uid = UidPool.shared().lastHandedOut();
        assertEquals(List.of(), SandboxLeftovers.livingProcessesOf(uid), "processes of the job's uid " + uid
                + " after the run");
        assertEquals(List.of(), SandboxLeftovers.jobCgroupsOfThisJvm(), "job cgroups after the run");
    }

    @Test
    void jobCgroupsOfAGraderNoLongerRunningAreRemovedAndThoseOfALivingOneKept() throws IOException {
        CgroupHierarchy cgroups = CgroupHierarchy.detect();
        long gone = ProcessHandle.current().pid() + 1;
        while (ProcessHandle.of(gone).isPresent()) {
            gone++;
        }
        Path abandoned = cgroups.jobParents().get(0).resolve(gone + "-1");
        Files.createDirectory(abandoned);
        try (CgroupJob living = cgroups.createJob(64L << 20, 16)) {
            List<Path> mine = SandboxLeftovers.jobCgroupsOfThisJvm();

            assertEquals(List.of(gone + "-1"), cgroups.removeAbandonedJobs());
            assertFalse(Files.exists(abandoned));
            assertFalse(mine.isEmpty());
            assertEquals(mine, SandboxLeftovers.jobCgroupsOfThisJvm(), "this JVM's job is kept");
        }
    }

    @Test
    void describeNamesBubblewrapAndTheCgroupVersion() {
        assertTrue(sandbox.describe().matches("bubblewrap \\d+\\.\\d+\\.\\d+, cgroup v[12]"), sandbox.describe());
    }

    @Test
    void shellCommandRunsAndItsStdoutAndStderrAreCaptured() {
        SandboxOutcome outcome = sandbox.run(shell("echo hello; echo oops >&2", limits()));

        assertEquals(0, outcome.exitCode());
        assertEquals("hello\n", outcome.stdout());
        assertEquals("oops\n", outcome.stderr());
        assertTrue(outcome.succeeded());
        assertFalse(outcome.outputTruncated());
        assertFalse(outcome.timedOut());
    }

    @Test
    void theOutcomeHoldsTheJobsPeakMemory() {
        SandboxOutcome outcome = sandbox.run(shell("x=$(head -c 8000000 /dev/zero | tr '\\0' a); echo ${#x}",
                limits()));

        assertEquals("8000000\n", outcome.stdout(), outcome.stderr());
        assertTrue(outcome.peakMemoryBytes() >= 8_000_000, "an 8 MB shell variable, peak "
                + outcome.peakMemoryBytes());
        assertTrue(outcome.peakMemoryBytes() < 512 * MB, "below the limit: " + outcome.peakMemoryBytes());
    }

    @Test
    void javaProgramSeesExactlyTheGivenEnvironmentPlusHome() {
        SandboxOutcome outcome = sandbox.run(request(hostile("env"), List.of(), Map.of("GREETING", "hello"), limits()));

        assertEquals("GREETING=hello\nHOME=/tmp\n", outcome.stdout(), outcome.stderr());
        assertEquals(0, outcome.exitCode());
    }

    @Test
    void theJobRunsAtALowerCpuPriorityThanTheHostAndCannotRaiseIt() throws IOException {
        String niceness = "cut -d ' ' -f 19 /proc/self/stat";
        SandboxOutcome outcome = sandbox.run(shell(niceness + "; nice -n -10 " + niceness, limits()));

        String host = Files.readString(Path.of("/proc/self/stat")).replaceFirst(".*\\) ", "").split(" ")[16];
        int expected = Math.min(19, Integer.parseInt(host) + SandboxCommandLine.NICENESS);
        assertEquals(expected + "\n" + expected + "\n", outcome.stdout(), outcome.stderr());
        assertTrue(outcome.stderr().contains("Permission denied"), outcome.stderr());
    }

    @Test
    void initProcessEnvironmentHoldsOnlyTheWrapperPath() {
        assumeTrue(System.getenv().keySet().stream().anyMatch(key -> !key.equals("PATH")), "the host has no variables");

        SandboxOutcome outcome = sandbox.run(shell("tr '\\0' '\\n' < /proc/1/environ", limits()));

        assertEquals("PATH=/usr/bin:/bin\n", outcome.stdout(), outcome.stderr());
    }

    @Test
    void processRunsAsAnUnusedUidWithoutCapabilitiesInsideAndOnTheHost() throws Exception {
        String marker = "nnlab-uid-marker-" + System.nanoTime();
        CompletableFuture<Optional<Long>> hostUid = CompletableFuture.supplyAsync(() -> hostUidOfProcessNamed(marker));

        SandboxOutcome outcome = sandbox.run(request(List.of("/bin/sh", "-c",
                "id -u; id -g; id -G; grep CapEff /proc/self/status; sleep 2", marker), List.of(), Map.of(), limits()));

        List<String> lines = outcome.stdout().lines().toList();
        int uid = Integer.parseInt(lines.get(0));
        assertTrue(uid >= UidPool.FIRST && uid <= UidPool.LAST, "uid inside " + uid);
        assertEquals(List.of(String.valueOf(uid), String.valueOf(uid), "CapEff:\t0000000000000000"),
                lines.subList(1, 4));
        assertEquals(Optional.of((long) uid), hostUid.get(10, TimeUnit.SECONDS), "uid of the process on the host");
    }

    @Test
    void nestedUserNamespacesAreRefused() {
        SandboxOutcome outcome = sandbox.run(shell("unshare --user --map-root-user id; echo \"exit $?\"", limits()));

        assertEquals("exit 1\n", outcome.stdout());
        assertTrue(outcome.stderr().startsWith("unshare: unshare failed"), outcome.stderr());
    }

    @Test
    void concurrentJobsRunAsDistinctUids() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<SandboxOutcome> first = pool.submit(() -> sandbox.run(shell("id -u; sleep 1", limits())));
            Future<SandboxOutcome> second = pool.submit(() -> sandbox.run(shell("id -u; sleep 1", limits())));

            assertNotEquals(first.get().stdout(), second.get().stdout());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void connectionToAServerOnTheHostLoopbackFails() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            SandboxOutcome outcome = sandbox.run(request(
                    hostile("connect", "127.0.0.1", String.valueOf(server.getLocalPort())), List.of(), Map.of(), limits()));

            assertEquals("connect failed: ConnectException\n", outcome.stdout(), outcome.stderr());
            server.setSoTimeout(200);
            assertThrows(SocketTimeoutException.class, server::accept, "the server accepted a connection");
        }
    }

    @Test
    void dnsLookupFails() {
        SandboxOutcome outcome = sandbox.run(request(hostile("dns", "deb.debian.org"), List.of(), Map.of(), limits()));

        assertEquals("dns failed: UnknownHostException\n", outcome.stdout(), outcome.stderr());
    }

    @Test
    void onlyMountedHostFilesCanBeRead() throws IOException {
        Path mounted = worldReadableDir("mounted");
        Files.writeString(mounted.resolve("visible.txt"), "seen");
        Path hidden = worldReadableDir("hidden");
        Path secret = Files.writeString(hidden.resolve("secret.txt"), "secret");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));

        SandboxOutcome outcome = sandbox.run(request(hostile("read", "/tmp/in/visible.txt", secret.toString(),
                "/etc/passwd", "/etc/shadow", "/root/.m2/settings.xml"), List.of(Mount.readOnly(mounted, "/tmp/in")),
                Map.of(), limits()));

        assertEquals("/tmp/in/visible.txt: read ok: seen\n"
                + secret + ": read failed: NoSuchFileException\n"
                + "/etc/passwd: read failed: NoSuchFileException\n"
                + "/etc/shadow: read failed: NoSuchFileException\n"
                + "/root/.m2/settings.xml: read failed: NoSuchFileException\n", outcome.stdout(), outcome.stderr());
    }

    @Test
    void writesOutsideScratchAndWritableMountsFail() throws IOException {
        Path readOnly = worldReadableDir("read-only");

        SandboxOutcome outcome = sandbox.run(request(hostile("write", "x", "/usr/nnlab-x", "/nnlab-x", "/etc/nnlab-x",
                readOnly + "/nnlab-x", "/tmp/nnlab-x"), List.of(Mount.readOnly(readOnly)), Map.of(), limits()));

        assertEquals("/usr/nnlab-x: write failed: FileSystemException\n"
                + "/nnlab-x: write failed: FileSystemException\n"
                + "/etc/nnlab-x: write failed: FileSystemException\n"
                + readOnly + "/nnlab-x: write failed: FileSystemException\n"
                + "/tmp/nnlab-x: write ok\n", outcome.stdout(), outcome.stderr());
        assertFalse(Files.exists(readOnly.resolve("nnlab-x")));
    }

    @Test
    void writableMountReceivesTheFileAndIsGivenBackToItsOwner() throws IOException {
        Path out = worldReadableDir("out");
        int owner = (Integer) Files.getAttribute(out, "unix:uid");

        SandboxOutcome outcome = sandbox.run(request(hostile("write", "result", "/work/out/result.txt"),
                List.of(Mount.writable(out, "/work/out")), Map.of(), limits()));

        assertEquals("/work/out/result.txt: write ok\n", outcome.stdout(), outcome.stderr());
        assertEquals("result", Files.readString(out.resolve("result.txt")));
        assertEquals(owner, Files.getAttribute(out.resolve("result.txt"), "unix:uid", LinkOption.NOFOLLOW_LINKS));
        assertEquals(owner, Files.getAttribute(out, "unix:uid", LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void systemExitCodeIsReported() {
        SandboxOutcome outcome = sandbox.run(request(hostile("exit", "3"), List.of(), Map.of(), limits()));

        assertEquals(3, outcome.exitCode(), outcome.stderr());
        assertFalse(outcome.timedOut());
        assertFalse(outcome.cpuLimitHit());
        assertFalse(outcome.memoryLimitHit());
        assertFalse(outcome.processLimitHit());
        assertFalse(outcome.succeeded());
    }

    @Test
    void infiniteLoopIsKilledAtTheWallClockLimit() {
        SandboxLimits limits = limits(Duration.ofSeconds(3), 30, 64);

        SandboxOutcome outcome = sandbox.run(shell("while :; do :; done", limits));

        assertEquals(137, outcome.exitCode());
        assertTrue(outcome.timedOut());
        assertFalse(outcome.cpuLimitHit());
        assertBetween(Duration.ofSeconds(3), Duration.ofSeconds(6), outcome.elapsed());
    }

    @Test
    void aGatedRunWaitsForItsInputAndItsWallClockRunsFromTheGate() throws Exception {
        Path input = worldReadableDir("input");
        StartGate gate = new StartGate(Duration.ofSeconds(20));
        SandboxRequest waits = request(List.of("/bin/sh", "-c", "while [ ! -f /job/go ]; do sleep 0.02; done; "
                + "cat /job/go"), List.of(Mount.readOnly(input, "/job")), Map.of(),
                limits(Duration.ofSeconds(2), 20, 64)).withGate(gate);
        CompletableFuture<SandboxOutcome> run = CompletableFuture.supplyAsync(() -> sandbox.run(waits));

        Thread.sleep(3000); // longer than the wall time: the run is not yet on its clock
        Files.writeString(input.resolve("go"), "the job");
        gate.open();
        SandboxOutcome outcome = run.get(20, TimeUnit.SECONDS);

        assertEquals(0, outcome.exitCode(), outcome.stderr());
        assertEquals("the job", outcome.stdout().strip());
        assertFalse(outcome.timedOut());
        assertBetween(Duration.ZERO, Duration.ofSeconds(1), outcome.elapsed());
    }

    @Test
    void aGatedRunIsKilledAtItsWallClockLimitAfterTheGateOpens() throws Exception {
        StartGate gate = new StartGate(Duration.ofSeconds(20));
        SandboxRequest loops = shell("while :; do :; done", limits(Duration.ofSeconds(2), 30, 64)).withGate(gate);
        CompletableFuture<SandboxOutcome> run = CompletableFuture.supplyAsync(() -> sandbox.run(loops));

        Thread.sleep(1000);
        gate.open();
        SandboxOutcome outcome = run.get(20, TimeUnit.SECONDS);

        assertTrue(outcome.timedOut());
        assertFalse(outcome.cpuLimitHit());
        assertBetween(Duration.ofSeconds(2), Duration.ofSeconds(3), outcome.elapsed());
    }

    @Test
    void aGatedRunWhoseGateNeverOpensEndsAtItsWaitLimitAndItsWallTime() {
        SandboxRequest waits = shell("sleep 30", limits(Duration.ofSeconds(1), 30, 64))
                .withGate(new StartGate(Duration.ofSeconds(1)));

        SandboxOutcome outcome = sandbox.run(waits);

        assertTrue(outcome.timedOut());
        assertBetween(Duration.ofSeconds(2), Duration.ofSeconds(4), outcome.elapsed());
    }

    @Test
    void busyLoopIsKilledAtTheCpuTimeLimit() {
        SandboxLimits limits = limits(Duration.ofSeconds(20), 1, 64);

        SandboxOutcome outcome = sandbox.run(shell("while :; do :; done", limits));

        assertEquals(152, outcome.exitCode());
        assertTrue(outcome.cpuLimitHit());
        assertFalse(outcome.timedOut());
        assertBetween(Duration.ofMillis(900), Duration.ofSeconds(15), outcome.elapsed());
    }

    @Test
    void forkBombIsContainedByThePidsLimitAndTheCallReturns() {
        SandboxLimits limits = limits(Duration.ofSeconds(3), 30, 32);

        // The shell forks once, before any bomb runs (dash forks a pipeline's commands itself, and a shell whose fork
        // fails exits, so `bomb | bomb &` in the shell itself raced the first bomb for the last pids), then waits with
        // builtins only: a `sleep` it had to fork could fail once the bomb holds every pid.
        SandboxOutcome outcome = sandbox.run(shell("bomb() { bomb | bomb & }; (bomb) & while :; do wait; done",
                limits));

        assertTrue(outcome.timedOut(), () -> "exit " + outcome.exitCode() + " after " + outcome.elapsed() + ": "
                + outcome.stderr());
        assertTrue(outcome.stderr().contains("Cannot fork"), outcome.stderr());
        assertTrue(outcome.processLimitHit());
        assertBetween(Duration.ofSeconds(3), Duration.ofSeconds(8), outcome.elapsed());
    }

    @Test
    void threadBombIsContainedByThePidsLimit() {
        SandboxLimits limits = limits(Duration.ofSeconds(20), 30, 64);

        SandboxOutcome outcome = sandbox.run(request(hostile("threads"), List.of(), Map.of(), limits));

        List<String> lines = outcome.stdout().lines().filter(line -> !line.contains("[warning]")).toList();
        assertEquals(2, lines.size(), outcome.stdout());
        int started = Integer.parseInt(lines.get(0).replace("threads started: ", ""));
        assertTrue(started > 0 && started < 64, "threads started: " + started);
        assertEquals("thread start failed: OutOfMemoryError", lines.get(1));
        assertEquals(0, outcome.exitCode());
    }

    @Test
    void hugeOutputIsCutAtTheCapAndTheCallReturnsPromptly() {
        SandboxLimits limits = limits();

        SandboxOutcome outcome = sandbox.run(shell("yes 0123456789abcdef | head -c 50000000", limits));

        assertEquals(limits.outputBytes(), outcome.stdout().length());
        assertTrue(outcome.outputTruncated());
        assertEquals(0, outcome.exitCode());
        assertTrue(outcome.elapsed().compareTo(Duration.ofSeconds(10)) < 0, outcome.elapsed().toString());
    }

    @Test
    void fileBiggerThanMaxFileBytesCannotBeWritten() {
        SandboxLimits limits = limits();

        SandboxOutcome outcome = sandbox.run(request(hostile("bigfile", "/tmp/big", String.valueOf(3 * limits.maxFileBytes())),
                List.of(), Map.of(), limits));

        assertEquals("write failed after " + limits.maxFileBytes() + ": File too large\n", outcome.stdout(),
                outcome.stderr());
    }

    @Test
    void allocatingBeyondTheMemoryLimitIsKilled() {
        SandboxLimits limits = new SandboxLimits(Duration.ofSeconds(30), 30, 256 * MB, 64, 16 * MB, 16 * MB,
                64 * 1024, 1);
        List<String> command = new ArrayList<>(List.of(JAVA, "-Xmx1g", "-XX:ActiveProcessorCount=1",
                "-XX:-UsePerfData", hostileDir.resolve("Hostile.java").toString(), "alloc", "900"));

        SandboxOutcome outcome = sandbox.run(request(command, List.of(Mount.readOnly(hostileDir)), Map.of(), limits));

        assertEquals(137, outcome.exitCode(), outcome.stdout() + outcome.stderr());
        assertTrue(outcome.memoryLimitHit());
        assertFalse(outcome.timedOut());
        assertFalse(outcome.cpuLimitHit());
        assertEquals("", outcome.stdout());
    }

    @Test
    void backgroundProcessesAreKilledAndTheCgroupRemovedWhenTheCommandEnds() throws IOException {
        SandboxOutcome outcome = sandbox.run(shell("setsid sleep 60 & sleep 60 & echo started", limits()));

        assertEquals("started\n", outcome.stdout());
        assertEquals(List.of(), SandboxLeftovers.livingProcessesOf(UidPool.shared().lastHandedOut()));
        assertEquals(List.of(), SandboxLeftovers.jobCgroupsOfThisJvm());
        assertTrue(outcome.elapsed().compareTo(Duration.ofSeconds(5)) < 0, outcome.elapsed().toString());
    }

    @Test
    void interruptingTheCallerKillsTheJobCleansUpAndThrows() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> interruptFlag = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                sandbox.run(shell("sleep 30", limits()));
            } catch (Throwable e) {
                thrown.set(e);
                interruptFlag.set(Thread.currentThread().isInterrupted());
            }
        });
        caller.start();
        Thread.sleep(1000);
        caller.interrupt();
        caller.join(10_000);

        assertFalse(caller.isAlive());
        assertTrue(thrown.get() instanceof CancellationException, String.valueOf(thrown.get()));
        assertEquals(Boolean.TRUE, interruptFlag.get());
    }

    @Test
    void unavailableSandboxFailsClosedWithTheProblemAndRunsNothing() throws IOException {
        String problem = "bubblewrap is not installed: run 'apt-get install bubblewrap'";
        Sandbox unavailable = new BubblewrapSandbox(SandboxProbe.unavailable(problem));
        Path marker = temp.resolve("ran");

        SandboxUnavailableException e = assertThrows(SandboxUnavailableException.class,
                () -> unavailable.run(request(List.of("/usr/bin/touch", marker.toString()), List.of(), Map.of(),
                        limits())));

        assertEquals(problem, e.getMessage());
        assertFalse(Files.exists(marker));
    }

    // ---- helpers

    private static SandboxLimits limits() {
        return limits(Duration.ofSeconds(20), 20, 64);
    }

    private static SandboxLimits limits(Duration wall, int cpuSeconds, int maxProcesses) {
        return new SandboxLimits(wall, cpuSeconds, 512 * MB, maxProcesses, MB, 16 * MB, 64 * 1024, 1);
    }

    private static SandboxRequest shell(String script, SandboxLimits limits) {
        return request(List.of("/bin/sh", "-c", script), List.of(), Map.of(), limits);
    }

    private static SandboxRequest request(List<String> command, List<Mount> mounts, Map<String, String> environment,
                                          SandboxLimits limits) {
        List<Mount> all = new ArrayList<>(mounts);
        if (command.contains(hostileDir.resolve("Hostile.java").toString())
                && mounts.stream().noneMatch(mount -> mount.host().equals(hostileDir))) {
            all.add(Mount.readOnly(hostileDir));
        }
        return new SandboxRequest(command, all, environment, "/tmp", limits);
    }

    /** @return the command that runs Hostile.java with the source launcher, as a student's JVM would be run */
    private static List<String> hostile(String... args) {
        List<String> command = new ArrayList<>(List.of(JAVA, "-Xmx64m", "-XX:ActiveProcessorCount=1",
                "-XX:-UsePerfData", "-XX:TieredStopAtLevel=1", hostileDir.resolve("Hostile.java").toString()));
        command.addAll(Arrays.asList(args));
        return command;
    }

    /** @return a new directory under the test's temporary directory that any user may read and traverse */
    private Path worldReadableDir(String name) throws IOException {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path dir = Files.createDirectory(temp.resolve(name));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    private static void assertBetween(Duration low, Duration high, Duration actual) {
        assertTrue(actual.compareTo(low) >= 0 && actual.compareTo(high) <= 0,
                actual + " is not between " + low + " and " + high);
    }

    /** Polls /proc for up to 5 s for the sandboxed {@code sh -c SCRIPT marker}; returns its real uid on the host. */
    private static Optional<Long> hostUidOfProcessNamed(String marker) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < end) {
            try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                for (Path process : proc) {
                    List<String> argv;
                    try {
                        argv = List.of(new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8)
                                .split("\0"));
                    } catch (IOException gone) {
                        continue;
                    }
                    // the sandboxed shell itself, not the wrapper processes whose arguments also hold the marker
                    if (argv.size() == 4 && argv.get(0).equals("/bin/sh") && argv.get(3).equals(marker)) {
                        List<Long> uids = LinuxProcesses.uidsOfLiving(process);
                        if (!uids.isEmpty()) {
                            return Optional.of(uids.get(0));
                        }
                    }
                }
                Thread.sleep(20);
            } catch (IOException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
