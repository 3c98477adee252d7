package org.nnlab.grader.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Reads one output stream of a child process on its own thread, keeping only the first {@code cap} bytes.
 *
 * <p>Everything past the cap is read and thrown away, so that the child never blocks on a full pipe and a
 * huge output never fills the grader's memory. Shared by {@link BubblewrapSandbox} and {@link UnsandboxedRunner}.
 */
final class CappedOutput {

    /**
     * What was kept of a stream.
     *
     * @param text      the first bytes of the stream, decoded as UTF-8
     * @param truncated whether bytes past the cap were discarded
     */
    record Result(String text, boolean truncated) {
    }

    private static final int CHUNK = 64 * 1024;

    private final InputStream in;
    private final int cap;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final Thread thread;
    private boolean truncated;

    private CappedOutput(InputStream in, int cap, String threadName) {
        if (cap < 0) {
            throw new IllegalArgumentException("output cap must not be negative: " + cap);
        }
        this.in = in;
        this.cap = cap;
        this.thread = new Thread(this::readToEnd, threadName);
        this.thread.setDaemon(true);
    }

    /**
     * Starts reading {@code in} on a new daemon thread.
     *
     * @param in         the stream to read until its end
     * @param cap        how many bytes to keep
     * @param threadName the name of the reading thread, for thread dumps
     * @return the running reader
     */
    static CappedOutput start(InputStream in, int cap, String threadName) {
        CappedOutput output = new CappedOutput(in, cap, threadName);
        output.thread.start();
        return output;
    }

    private void readToEnd() {
        byte[] buffer = new byte[CHUNK];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                keep(buffer, n);
            }
        } catch (IOException e) {
            // The stream was closed under us (the reader gave up waiting) or the pipe broke: keep what we have.
        }
    }

    private synchronized void keep(byte[] buffer, int n) {
        int room = cap - kept.size();
        if (n > room) {
            truncated = true;
        }
        if (room > 0) {
            kept.write(buffer, 0, Math.min(n, room));
        }
    }

    /**
     * Waits for the end of the stream, at most {@code patience}; past that, closes the stream and returns what it
     * has (a process that escaped the tree kill may still hold the pipe open).
     *
     * <p>Waits even if the calling thread is interrupted, and then restores its interrupt flag.
     *
     * @param patience how long to wait for the end of the stream
     * @return what was kept
     */
    Result await(Duration patience) {
        boolean ended = Uninterruptibly.join(thread, patience);
        if (!ended) {
            try {
                in.close();
            } catch (IOException e) {
                // nothing more to do: the daemon thread ends when the last writer goes away
            }
            Uninterruptibly.join(thread, Duration.ofMillis(TimeUnit.SECONDS.toMillis(1)));
        }
        synchronized (this) {
            return new Result(kept.toString(StandardCharsets.UTF_8), truncated || !ended);
        }
    }
}
