package org.nnlab.platform;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Ends the processes that tests start: the platform's, a worker's. */
final class TestProcesses {
    private TestProcesses() {
    }

    /**
     * Kills a process with SIGKILL, and every process it started (its sandboxes), as a crash of its machine would:
     * nothing of it gets to shut down or clean up.
     */
    static void crash(Process process) throws InterruptedException {
        List<ProcessHandle> started = process.descendants().toList();
        process.destroyForcibly();
        process.waitFor();
        for (ProcessHandle child : started) {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
        }
    }

    /** Stops a process with SIGTERM, and with SIGKILL when it has not ended within 20 seconds. */
    static void stop(Process process) {
        stop(process, 20);
    }

    /** Stops a process with SIGTERM, and with SIGKILL when it has not ended within {@code seconds}. */
    static void stop(Process process, int seconds) {
        process.destroy();
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
