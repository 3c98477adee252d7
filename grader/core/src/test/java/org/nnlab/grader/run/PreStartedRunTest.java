package org.nnlab.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.grader.sandbox.SandboxLimits;
import org.nnlab.grader.sandbox.SandboxOutcome;
import org.nnlab.grader.sandbox.SandboxRequest;
import org.nnlab.grader.sandbox.UnsandboxedRunner;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PreStartedRunTest {
    private static final SandboxLimits LIMITS = new SandboxLimits(Duration.ofSeconds(5), 10, 64L << 20, 16,
            1L << 20, 1L << 20, 64 * 1024, 1);

    @TempDir
    Path folder;

    /** A job of the kind the harness reads. */
    record Job(String name, int epochs) {
    }

    @Test
    void aReleasedRunReadsItsJobFileWrittenWholeAndEndsOnItsOwnClock() throws Exception {
        PreStartedRun run = startedWaiting();
        Thread.sleep(1000);

        SandboxOutcome outcome = run.release(new Job("digits", 40));
        run.close();

        assertEquals(0, outcome.exitCode(), outcome.stderr());
        assertTrue(outcome.stdout().contains("\"name\" : \"digits\""), outcome.stdout());
        assertTrue(outcome.elapsed().compareTo(Duration.ofMillis(900)) < 0, "from the release: " + outcome.elapsed());
        assertFalse(Files.exists(folder.resolve("job.json.part")));
    }

    @Test
    void aRunNeverReleasedIsStoppedWhenClosed() throws Exception {
        PreStartedRun run = startedWaiting();
        Thread.sleep(300);

        long start = System.nanoTime();
        run.close();

        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "close() waited for the wait limit");
        assertFalse(Files.exists(folder.resolve("job.json")));
    }

    /** @return a run of a shell that waits for {@code job.json} in the test's folder, then prints it */
    private PreStartedRun startedWaiting() {
        Path jobFile = folder.resolve("job.json");
        return PreStartedRun.start(new UnsandboxedRunner(), waitingFor(jobFile), jobFile, Duration.ofSeconds(20),
                "test");
    }

    private static SandboxRequest waitingFor(Path jobFile) {
        return new SandboxRequest(List.of("/bin/sh", "-c", "while [ ! -f '" + jobFile + "' ]; do sleep 0.02; done;"
                + " cat '" + jobFile + "'"), List.of(), Map.of("PATH", "/usr/bin:/bin"), "/tmp", LIMITS);
    }
}
