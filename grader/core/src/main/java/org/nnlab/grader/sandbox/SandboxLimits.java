package org.nnlab.grader.sandbox;

import java.time.Duration;

/**
 * The resources one sandboxed process tree may use.
 *
 * @param wallTime     wall-clock time before the whole tree is killed
 * @param cpuSeconds   CPU time (RLIMIT_CPU)
 * @param memoryBytes  memory of the whole tree (cgroup)
 * @param maxProcesses processes and threads of the whole tree (cgroup pids)
 * @param maxFileBytes largest file it may write (RLIMIT_FSIZE)
 * @param scratchBytes size of its private {@code /tmp}, and the most its writable mounts may hold in all
 * @param outputBytes  how much of stdout and of stderr is kept, each
 * @param cpus         processors the JVM is told it has (-XX:ActiveProcessorCount)
 */
public record SandboxLimits(Duration wallTime, int cpuSeconds, long memoryBytes, int maxProcesses, long maxFileBytes,
                            long scratchBytes, int outputBytes, int cpus) {

    /** @return these limits with another wall-clock limit */
    public SandboxLimits withWallTime(Duration wall) {
        return new SandboxLimits(wall, cpuSeconds, memoryBytes, maxProcesses, maxFileBytes, scratchBytes, outputBytes,
                cpus);
    }
}
