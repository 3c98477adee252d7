package org.nnlab.grader.lab;

/**
 * Resource limits of a lab's sandboxes, from its lab file.
 *
 * @param wallSeconds  wall-clock time of the training sandbox
 * @param cpuSeconds   CPU time of the training sandbox
 * @param memoryMb     memory of the whole sandbox (JVM heap, native memory, threads)
 * @param heapMb       Java heap of the sandboxed JVM
 * @param processes    processes and threads
 * @param cpus         processors the JVM may use
 * @param outputKb     how much of stdout and of stderr is kept
 */
public record LabLimits(int wallSeconds, int cpuSeconds, int memoryMb, int heapMb, int processes, int cpus,
                        int outputKb) {
}
