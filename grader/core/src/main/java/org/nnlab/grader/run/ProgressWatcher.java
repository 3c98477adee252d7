package org.nnlab.grader.run;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.nnlab.protocol.CompileReport;
import org.nnlab.protocol.ProgressLine;
import org.nnlab.protocol.ProtocolJson;

/**
 * Follows the progress file the training harness appends to, on a thread of its own, and hands each new epoch to a
 * consumer. The file is written by untrusted code: lines that are too long or malformed are skipped, links are not
 * followed, and at most {@link #MAX_LINES} lines are read. What it reports is for display only.
 */
final class ProgressWatcher implements AutoCloseable {
    static final int MAX_LINES = 100_000;
    private static final int MAX_LINE_BYTES = 4096;
    private static final long POLL_MILLIS = 300;
    private static final long MAX_COMPILE_REPORT_BYTES = 1L << 20;
    private final Path file;
    private final Consumer<ProgressLine> consumer;
    private final Path compileReport;
    private final Runnable compiled;
    private final Thread thread;
    private long offset;
    private int lines;
    private boolean compiledSeen;
    private volatile boolean running = true;

    ProgressWatcher(Path file, Consumer<ProgressLine> consumer) {
        this(file, consumer, null, () -> { });
    }

    /**
     * @param compileReport the compile report of a training JVM that compiles the submission itself, or null
     * @param compiled      called once, on the following thread, when that report says the code compiled
     */
    ProgressWatcher(Path file, Consumer<ProgressLine> consumer, Path compileReport, Runnable compiled) {
        this.file = file;
        this.consumer = consumer;
        this.compileReport = compileReport;
        this.compiled = compiled;
        this.compiledSeen = compileReport == null;
        this.thread = new Thread(this::follow, "nnlab-progress");
        thread.setDaemon(true);
        thread.start();
    }

    private void follow() {
        while (running) {
            lookForTheCompileReport();
            readNewLines();
            synchronized (this) {
                try {
                    if (running) {
                        wait(POLL_MILLIS);
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** For display only: the report is the untrusted JVM's, and a half-written one is read again at the next poll. */
    private synchronized void lookForTheCompileReport() {
        if (compiledSeen || !Files.isRegularFile(compileReport, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            if (ProtocolJson.read(compileReport, CompileReport.class, MAX_COMPILE_REPORT_BYTES).succeeded()) {
                compiled.run();
            }
            compiledSeen = true;
        } catch (IOException | RuntimeException e) {
            // half written: the next poll reads it again
        }
    }

    private synchronized void readNewLines() {
        if (lines >= MAX_LINES || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            while (offset < length && lines < MAX_LINES) {
                in.seek(offset);
                byte[] chunk = new byte[(int) Math.min(MAX_LINE_BYTES + 1, length - offset)];
                in.readFully(chunk);
                int end = indexOf(chunk, (byte) '\n');
                if (end < 0) {
                    if (chunk.length > MAX_LINE_BYTES) {
                        offset += chunk.length;
                        continue;
                    }
                    return;
                }
                offset += end + 1;
                lines++;
                deliver(new String(chunk, 0, end, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the file may be half written or gone; the next poll tries again
        }
    }

    private void deliver(String line) {
        try {
            ProgressLine progress = ProtocolJson.parseLine(line, ProgressLine.class);
            if (progress.run() != null && progress.epoch() != null) {
                consumer.accept(progress);
            }
        } catch (IOException | RuntimeException e) {
            // a malformed line is skipped: progress is for display only
        }
    }

    private static int indexOf(byte[] bytes, byte value) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Stops following, after delivering what the file holds now. It never interrupts the following thread: the
     * consumer may be writing to a database (H2 closes its whole database when a thread is interrupted in a write).
     */
    @Override
    public void close() {
        running = false;
        synchronized (this) {
            notifyAll();
        }
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        readNewLines();
    }
}
