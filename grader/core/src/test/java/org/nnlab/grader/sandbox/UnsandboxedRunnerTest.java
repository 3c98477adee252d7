package org.nnlab.grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The trusted, unisolated runner still enforces the wall-clock limit, the output cap and the tree kill. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UnsandboxedRunnerTest {

    private static final Map<String, String> PATH = Map.of("PATH", "/usr/bin:/bin");

    private final Sandbox runner = new UnsandboxedRunner();

    @TempDir
    Path temp;

    @Test
    void describeSaysItIsUnsandboxedAndForTrustedCodeOnly() {
        assertEquals("UNSANDBOXED (trusted code only)", runner.describe());
    }

    @Test
    void commandGetsExactlyTheGivenEnvironment() {
        SandboxOutcome outcome = runner.run(request(List.of("/usr/bin/env"), Map.of("A", "1", "B", "two"),
                Duration.ofSeconds(10), 4096));

        assertEquals(0, outcome.exitCode());
        assertEquals(List.of("A=1", "B=two"), outcome.stdout().lines().sorted().toList());
    }

    @Test
    void commandStartsInTheGivenWorkingDirectory() {
        SandboxOutcome outcome = runner.run(new SandboxRequest(List.of("/bin/pwd"), List.of(), Map.of(),
                temp.toString(), limits(Duration.ofSeconds(10), 4096)));

        assertEquals(temp + "\n", outcome.stdout());
    }

    @Test
    void exitCodeAndStderrAreReported() {
        SandboxOutcome outcome = runner.run(request(List.of("/bin/sh", "-c", "echo oops >&2; exit 3"), PATH,
                Duration.ofSeconds(10), 4096));

        assertEquals(3, outcome.exitCode());
        assertEquals("oops\n", outcome.stderr());
        assertFalse(outcome.timedOut());
        assertFalse(outcome.succeeded());
    }

    @Test
    void commandAndItsChildrenAreKilledAtTheWallClockLimit() {
        SandboxOutcome outcome = runner.run(request(List.of("/bin/sh", "-c", "sleep 60 & echo $!; sleep 60"), PATH,
                Duration.ofSeconds(1), 4096));

        assertTrue(outcome.timedOut());
        assertEquals(137, outcome.exitCode());
        assertTrue(outcome.elapsed().compareTo(Duration.ofSeconds(1)) >= 0
                && outcome.elapsed().compareTo(Duration.ofSeconds(4)) < 0, outcome.elapsed().toString());
        assertChildIsDead(outcome);
    }

    @Test
    void backgroundChildrenAreKilledWhenTheCommandEnds() {
        SandboxOutcome outcome = runner.run(request(List.of("/bin/sh", "-c", "sleep 60 & echo $!; sleep 0.5"), PATH,
                Duration.ofSeconds(20), 4096));

        assertFalse(outcome.timedOut());
        assertEquals(0, outcome.exitCode());
        assertTrue(outcome.elapsed().compareTo(Duration.ofSeconds(5)) < 0, outcome.elapsed().toString());
        assertChildIsDead(outcome);
    }

    @Test
    void hugeOutputIsCutAtTheCap() {
        SandboxOutcome outcome = runner.run(request(List.of("/bin/sh", "-c", "yes 0123456789abcdef | head -c 50000000"),
                PATH, Duration.ofSeconds(20), 1000));

        assertEquals(1000, outcome.stdout().length());
        assertTrue(outcome.outputTruncated());
        assertEquals(0, outcome.exitCode());
    }

    private static void assertChildIsDead(SandboxOutcome outcome) {
        long child = Long.parseLong(outcome.stdout().strip());
        assertFalse(ProcessHandle.of(child).map(LinuxProcesses::isLiving).orElse(false), "child " + child + " lives");
    }

    private static SandboxRequest request(List<String> command, Map<String, String> environment, Duration wall,
                                          int outputBytes) {
        return new SandboxRequest(command, List.of(), environment, "/tmp", limits(wall, outputBytes));
    }

    private static SandboxLimits limits(Duration wall, int outputBytes) {
        return new SandboxLimits(wall, 10, 1L << 30, 64, 1L << 20, 1L << 20, outputBytes, 1);
    }
}
