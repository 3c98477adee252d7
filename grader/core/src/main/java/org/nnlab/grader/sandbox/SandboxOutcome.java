package org.nnlab.grader.sandbox;

import java.time.Duration;

/**
 * How a sandboxed process ended.
 *
 * @param exitCode        the exit status of the process (137 when killed by the wall-clock timeout)
 * @param timedOut        killed because it ran past the wall-clock limit
 * @param cpuLimitHit     killed because it ran past its CPU-time limit
 * @param memoryLimitHit  the memory cgroup recorded that it reached its limit
 * @param processLimitHit the pids cgroup refused a fork or a new thread at its limit
 * @param diskLimitHit    killed because its writable mounts held more than its limits allow
 * @param stdout          the start of its standard output, up to the limit
 * @param stderr          the start of its standard error, up to the limit
 * @param outputTruncated whether stdout or stderr was cut
 * @param elapsed         wall-clock time from start to end
 * @param peakMemoryBytes the most memory its cgroup held at once (cgroup v1 {@code memory.max_usage_in_bytes}, v2
 *                        {@code memory.peak}: resident memory plus the page cache and tmpfs it charged); -1 where
 *                        not measured
 */
public record SandboxOutcome(int exitCode, boolean timedOut, boolean cpuLimitHit, boolean memoryLimitHit,
                             boolean processLimitHit, boolean diskLimitHit, String stdout, String stderr,
                             boolean outputTruncated, Duration elapsed, long peakMemoryBytes) {

    /** @return whether the process exited by itself with status 0 */
    public boolean succeeded() {
        return exitCode == 0 && !timedOut && !cpuLimitHit && !diskLimitHit;
    }
}
