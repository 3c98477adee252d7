package org.nnlab.grader.sandbox;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;

/**
 * Runs a command directly on the host, WITHOUT ANY ISOLATION: the explicit trusted mode for an instructor's own
 * code (reference solutions, the grader's own tools).
 *
 * <p><strong>Never use this for student code or for anything a student wrote or influenced.</strong> The command
 * runs with the grader's uid (root on a grading machine), sees and may change every file, may use the network and
 * has no memory, CPU, process or file size limits. Use {@link BubblewrapSandbox} for untrusted code.
 *
 * <p>What it does enforce: the wall-clock limit (the whole process tree is killed, {@code timedOut} set, exit code
 * 137), the output cap of stdout and stderr, and the kill of every process the command started (its descendants,
 * remembered while it runs) once it ends. The command gets exactly the request's environment (nothing is
 * inherited, not even PATH) and starts in the request's working directory. Mounts are ignored: callers use the
 * same paths on the host and inside. {@code cpuLimitHit}, {@code memoryLimitHit} and {@code processLimitHit} are
 * always false, and {@code peakMemoryBytes} -1.
 *
 * <p>If the calling thread is interrupted, the tree is killed, the interrupt flag is set again and
 * {@link CancellationException} is thrown.
 */
public final class UnsandboxedRunner implements Sandbox {

    /** Creates the runner. Remember: trusted code only. */
    public UnsandboxedRunner() {
    }

    /**
     * Runs the request's command on the host, unisolated.
     *
     * @param request what to run; its mounts are ignored
     * @return how it ended
     * @throws IllegalArgumentException when the request is malformed
     * @throws UncheckedIOException     when the command cannot be started (e.g. no such program)
     * @throws CancellationException     when the calling thread was interrupted
     */
    @Override
    public SandboxOutcome run(SandboxRequest request) {
        RequestChecks.checkCommon(request);
        ProcessBuilder builder = new ProcessBuilder(request.command());
        builder.environment().clear();
        builder.environment().putAll(request.environment());
        builder.directory(new File(request.workingDirectory()));
        ProcessSupervisor.Finished finished;
        try {
            finished = ProcessSupervisor.run(builder, request.limits().wallTime(), request.gate(),
                    request.limits().outputBytes(), new DescendantTree());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + request.command().get(0), e);
        }
        finished.throwIfInterrupted();
        return new SandboxOutcome(finished.exitCode(), finished.hitDeadline(), false, false, false, false,
                finished.stdout().text(), finished.stderr().text(), finished.outputTruncated(), finished.elapsed(), -1);
    }

    /** @return "UNSANDBOXED (trusted code only)" */
    @Override
    public String describe() {
        return "UNSANDBOXED (trusted code only)";
    }
}
