package org.nnlab.grader.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import org.nnlab.grader.sandbox.Sandbox;
import org.nnlab.grader.sandbox.SandboxOutcome;
import org.nnlab.grader.sandbox.SandboxRequest;
import org.nnlab.grader.sandbox.StartGate;
import org.nnlab.protocol.ProtocolJson;

/**
 * A harness JVM started in its sandbox before its job is ready, on a thread of its own: it starts Java and ND4J,
 * then waits for its job file ({@code JobFiles.startThenRead} in the harness) while the stage before it runs. It
 * serves that one job only. {@link #release} writes the job file and opens the sandbox's {@link StartGate}, from
 * which the stage's wall-clock limit runs; {@link #close()} stops a run that was never released.
 */
final class PreStartedRun implements AutoCloseable {
    private final StartGate gate;
    private final Path jobFile;
    private final Thread thread;
    private final AtomicReference<SandboxOutcome> outcome = new AtomicReference<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private boolean released;

    private PreStartedRun(Sandbox sandbox, SandboxRequest request, Path jobFile, String name) {
        this.gate = request.gate();
        this.jobFile = jobFile;
        this.thread = new Thread(() -> {
            try {
                outcome.set(sandbox.run(request));
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }, name);
    }

    /**
     * Starts the request, held until {@link #release}.
     *
     * @param request   the stage's sandbox request, whose command waits for {@code jobFile}
     * @param jobFile   where the job file goes, inside a folder the sandbox sees
     * @param waitLimit how long it may wait for its job: the stage before it's own limit
     */
    static PreStartedRun start(Sandbox sandbox, SandboxRequest request, Path jobFile, Duration waitLimit,
                               String name) {
        PreStartedRun run = new PreStartedRun(sandbox, request.withGate(new StartGate(waitLimit)), jobFile, name);
        run.thread.start();
        return run;
    }

    /**
     * Writes the job file (whole: it is moved into place) and lets the run go.
     *
     * @param job the job record the harness reads
     * @return how the run ended
     * @throws CancellationException when the calling thread was interrupted: the run was stopped and cleaned up
     */
    SandboxOutcome release(Object job) throws IOException {
        Path partial = jobFile.resolveSibling(jobFile.getFileName() + ".part");
        ProtocolJson.write(partial, job);
        Files.move(partial, jobFile, StandardCopyOption.ATOMIC_MOVE);
        gate.open();
        released = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            stop();
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted: the " + thread.getName() + " sandbox was stopped");
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return outcome.get();
    }

    /** @return whether the run is still waiting for its job: it was not released, and its sandbox has not ended */
    boolean waiting() {
        return !released && thread.isAlive();
    }

    /** Stops the run if it was never released, and waits until its sandbox is cleaned up. */
    @Override
    public void close() {
        if (!released) {
            stop();
        }
    }

    private void stop() {
        thread.interrupt();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
