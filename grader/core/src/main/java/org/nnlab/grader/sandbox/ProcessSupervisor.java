package org.nnlab.grader.sandbox;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

/**
 * Runs one host process to its end: reads its stdout and stderr with a cap, kills its whole tree at a deadline or
 * when the waiting thread is interrupted, and always kills what is left afterwards.
 *
 * <p>This is the part shared by {@link BubblewrapSandbox} (whose process is the wrapper chain, killed through its
 * cgroup) and {@link UnsandboxedRunner} (killed through its descendants).
 */
final class ProcessSupervisor {

    /** How often the supervisor wakes up while the process runs, to let the tree observe it. */
    static final Duration POLL = Duration.ofMillis(50);
    /** How long to wait for a killed process to end. */
    private static final Duration KILL_PATIENCE = Duration.ofSeconds(10);
    /** How long to wait for the output pipes to close once the tree was killed. */
    private static final Duration OUTPUT_PATIENCE = Duration.ofSeconds(5);
    private static final File DEV_NULL = new File("/dev/null");

    /**
     * How the process ended.
     *
     * @param exitCode    its exit status (128 + signal when killed by a signal, as the JDK reports it)
     * @param elapsed     wall-clock time from start to end
     * @param hitDeadline whether the supervisor killed it at the deadline
     * @param interrupted whether the waiting thread was interrupted, and the supervisor killed the tree for it
     * @param stdout      what was kept of its standard output
     * @param stderr      what was kept of its standard error
     */
    record Finished(int exitCode, Duration elapsed, boolean hitDeadline, boolean interrupted,
                    CappedOutput.Result stdout, CappedOutput.Result stderr) {

        /** @return whether stdout or stderr was cut */
        boolean outputTruncated() {
            return stdout.truncated() || stderr.truncated();
        }

        /**
         * Call after all cleanup: when the run was interrupted, restores the interrupt flag and throws.
         *
         * @throws CancellationException when the waiting thread was interrupted
         */
        void throwIfInterrupted() {
            if (interrupted) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted: the process tree was killed and cleaned up");
            }
        }
    }

    private ProcessSupervisor() {
    }

    /**
     * Starts {@code builder} with stdin from /dev/null and supervises it to its end.
     *
     * @param builder     the process to start; its stdin is redirected from /dev/null
     * @param deadline    wall-clock time after which the whole tree is killed
     * @param outputBytes how much of stdout and of stderr to keep, each
     * @param tree        how to find and kill everything the process started
     * @return how it ended; when interrupted, the interrupt flag is cleared and {@link Finished#interrupted()} set
     * @throws IOException when the process cannot be started
     */
    static Finished run(ProcessBuilder builder, Duration deadline, int outputBytes, ProcessTree tree)
            throws IOException {
        return run(builder, deadline, null, outputBytes, tree);
    }

    /**
     * As {@link #run(ProcessBuilder, Duration, int, ProcessTree)}, for a process started before its input is
     * ready: the deadline, and the elapsed time reported, run from the gate's opening.
     *
     * @param gate the process's start gate, or null when its deadline runs from its start
     */
    static Finished run(ProcessBuilder builder, Duration deadline, StartGate gate, int outputBytes,
                        ProcessTree tree) throws IOException {
        builder.redirectInput(ProcessBuilder.Redirect.from(DEV_NULL));
        long start = System.nanoTime();
        Process process = builder.start();
        CappedOutput stdout = CappedOutput.start(process.getInputStream(), outputBytes, "sandbox-stdout-" + process.pid());
        CappedOutput stderr = CappedOutput.start(process.getErrorStream(), outputBytes, "sandbox-stderr-" + process.pid());
        boolean hitDeadline = false;
        boolean interrupted = false;
        Long endedAt = null;
        try {
            while (true) {
                long end = gate == null ? start + deadline.toNanos() : gate.deadlineNanos(start, deadline);
                long left = end - System.nanoTime();
                if (left <= 0) {
                    hitDeadline = true;
                    break;
                }
                if (process.waitFor(Math.min(left, POLL.toNanos()), TimeUnit.NANOSECONDS)) {
                    endedAt = System.nanoTime();
                    break;
                }
                tree.observe(process);
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            tree.killAll(process);
            if (!Uninterruptibly.waitFor(process, KILL_PATIENCE)) {
                process.toHandle().destroyForcibly();
                Uninterruptibly.waitFor(process, KILL_PATIENCE);
            }
        }
        long clockStart = gate == null ? start : gate.clockStartNanos(start);
        Duration elapsed = Duration.ofNanos(Math.max(0, (endedAt != null ? endedAt : System.nanoTime()) - clockStart));
        CappedOutput.Result out = stdout.await(OUTPUT_PATIENCE);
        CappedOutput.Result err = stderr.await(OUTPUT_PATIENCE);
        int exitCode = process.isAlive() ? 137 : process.exitValue();
        if (interrupted) {
            Thread.interrupted(); // the waits above may have restored it; Finished.throwIfInterrupted sets it again
        }
        return new Finished(exitCode, elapsed, hitDeadline, interrupted, out, err);
    }
}
