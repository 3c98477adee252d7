package org.nnlab.grader.sandbox;

import java.time.Duration;

/**
 * Lets a sandboxed command start before its input is ready: the command waits inside the sandbox (for a job file
 * the caller writes), and its wall-clock limit runs from {@link #open()}, when that input is in place, rather than
 * from its start. A run whose gate is not opened within the wait limit is killed as timed out at the wait limit
 * plus its wall time. Each gate serves one run.
 */
public final class StartGate {
    private final Duration waitLimit;
    private volatile long openedNanos;
    private volatile boolean opened;

    /** @param waitLimit how long the run may wait for {@link #open()} */
    public StartGate(Duration waitLimit) {
        if (waitLimit == null || waitLimit.isNegative()) {
            throw new IllegalArgumentException("the wait limit must be zero or more: " + waitLimit);
        }
        this.waitLimit = waitLimit;
    }

    /** @return how long the run may wait for its input */
    public Duration waitLimit() {
        return waitLimit;
    }

    /** Starts the run's clock: its input is in place. Later calls change nothing. */
    public synchronized void open() {
        if (!opened) {
            openedNanos = System.nanoTime();
            opened = true;
        }
    }

    /** @return whether {@link #open()} was called */
    public boolean isOpen() {
        return opened;
    }

    /**
     * @param startNanos when the run's process started ({@link System#nanoTime()})
     * @param wallTime   the run's wall-clock limit
     * @return when the run must be killed: its wall time after the gate opened, or after the wait limit
     */
    long deadlineNanos(long startNanos, Duration wallTime) {
        return clockStartNanos(startNanos) + (opened ? 0 : waitLimit.toNanos()) + wallTime.toNanos();
    }

    /** @return when the run's clock started: when the gate opened, or the process's start while it is shut */
    long clockStartNanos(long startNanos) {
        return opened ? openedNanos : startNanos;
    }
}
