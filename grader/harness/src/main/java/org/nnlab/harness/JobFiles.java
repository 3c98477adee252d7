package org.nnlab.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.protocol.ProtocolJson;

/**
 * What both harness entry points do first: start the ND4J backend, then wait for their job file and read it. The
 * grader starts a harness JVM before its job is ready (the training JVM while the submission compiles, the
 * evaluation JVM while it trains), so that the JVM's and ND4J's start are off the grading's path, and writes the
 * job file, whole, once the job's inputs are in place.
 */
public final class JobFiles {
    private static final long MAX_JOB_BYTES = 1 << 20;
    /** How often a JVM whose folder cannot be watched looks for its job. */
    private static final long LOOK_MILLIS = 5;

    private JobFiles() {
    }

    /**
     * A job read once the backend had started.
     *
     * @param job                the job
     * @param backendStartMillis how long the backend took to start, before the job was there
     */
    public record Started<T>(T job, long backendStartMillis) {
    }

    /**
     * Starts the backend, waits until the job file exists (the grader moves it into place whole) and reads it.
     * While it waits, it warms the JVM up, step by step, looking for the job between steps; once warm, it sleeps
     * until its folder changes (inotify, through {@link WatchService}), so that a spare that waits minutes for its
     * job costs no CPU and wakes at once.
     *
     * @param args   the command line, which must be the job file alone
     * @param type   the job's record
     * @param usage  what to print when the command line is wrong (the process then exits with status 2)
     * @param warmup one short step of warming up (tens of milliseconds), which returns whether more remain
     */
    public static <T> Started<T> startThenRead(String[] args, Class<T> type, String usage, BooleanSupplier warmup)
            throws IOException {
        Path file = jobFile(args, usage);
        long backend = startBackend();
        boolean warming = true;
        while (warming && !Files.isRegularFile(file)) {
            warming = warmup.getAsBoolean();
        }
        try {
            awaitFile(file);
        } catch (InterruptedException e) {
            throw new IOException("interrupted while waiting for the job file " + file, e);
        }
        return new Started<>(ProtocolJson.read(file, type, MAX_JOB_BYTES), backend);
    }

    /** Returns once the file exists: woken by its folder's changes, or looking every few milliseconds. */
    private static void awaitFile(Path file) throws InterruptedException {
        try (WatchService watcher = file.getFileSystem().newWatchService()) {
            file.toAbsolutePath().getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
            while (!Files.isRegularFile(file)) {
                WatchKey key = watcher.poll(1, TimeUnit.SECONDS); // and looks once a second all the same
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
        } catch (IOException e) {
            // no inotify instance left (fs.inotify.max_user_instances), or its close failed: look instead
            while (!Files.isRegularFile(file)) {
                Thread.sleep(LOOK_MILLIS);
            }
        }
    }

    /**
     * @return warm-up steps that take each supplier's steps until it has none left, then the next one's
     */
    public static BooleanSupplier inTurn(BooleanSupplier... warmups) {
        int[] current = {0};
        return () -> {
            if (current[0] == warmups.length) {
                return false;
            }
            if (warmups[current[0]].getAsBoolean()) {
                return true;
            }
            current[0]++;
            return current[0] < warmups.length;
        };
    }

    /**
     * @param scratch a folder of the JVM's own
     * @param samples a job and a report like the ones this JVM reads and writes
     * @return one warm-up step that writes each sample as a file and reads it back, so that the protocol's JSON
     *     mapper and its readers of these records are ready when the job comes (a first read takes tens of ms)
     */
    public static BooleanSupplier jsonWarmup(Path scratch, Object... samples) {
        return () -> {
            try {
                Path file = Files.createTempFile(scratch, "warmup", ".json");
                try {
                    for (Object sample : samples) {
                        ProtocolJson.write(file, sample);
                        ProtocolJson.read(file, sample.getClass(), MAX_JOB_BYTES);
                    }
                } finally {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the harness could not warm up in " + scratch, e);
            }
            return false;
        };
    }

    private static Path jobFile(String[] args, String usage) {
        if (args.length != 1) {
            System.err.println(usage);
            System.exit(2);
        }
        return Path.of(args[0]);
    }

    /** Starts the ND4J backend, which loads the native libraries. @return how long it took, in milliseconds */
    public static long startBackend() {
        long start = System.nanoTime();
        Nd4j.create(1);
        return (System.nanoTime() - start) / 1_000_000;
    }
}
