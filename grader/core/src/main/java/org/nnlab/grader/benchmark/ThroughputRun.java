package org.nnlab.grader.benchmark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.nnlab.grader.Grader;
import org.nnlab.grader.lab.Lab;
import org.nnlab.grader.submission.Submission;

/**
 * Queues a number of submissions at once and grades them with a fixed pool of workers, as the platform's grading
 * workers do (without its database): how many are graded per minute, and how long each waited and took.
 */
public final class ThroughputRun {
    private final Grader grader;
    private final int workers;

    /**
     * @param grader  the grader the workers share
     * @param workers how many grade at once
     */
    public ThroughputRun(Grader grader, int workers) {
        this.grader = grader;
        this.workers = workers;
    }

    /**
     * What a throughput run measured.
     *
     * @param submissions    how many were queued
     * @param wallMillis     from queueing the first to the last result
     * @param queueWaits     per submission, milliseconds from queued to a worker taking it
     * @param gradingMillis  per submission, milliseconds a worker spent grading it
     */
    public record Throughput(int submissions, long wallMillis, List<Long> queueWaits, List<Long> gradingMillis) {

        /** @return submissions graded per minute */
        public double perMinute() {
            return submissions * 60_000.0 / wallMillis;
        }
    }

    /**
     * Queues {@code count} copies of the submission at once and waits for all results.
     *
     * @throws IOException when a grading fails
     */
    public Throughput run(Lab lab, Submission submission, int count) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            long queued = System.nanoTime();
            List<Future<long[]>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> {
                    long started = System.nanoTime();
                    grader.grade(lab, submission);
                    return new long[] {(started - queued) / 1_000_000, (System.nanoTime() - started) / 1_000_000};
                }));
            }
            List<Long> waits = new ArrayList<>();
            List<Long> gradings = new ArrayList<>();
            for (Future<long[]> future : futures) {
                long[] times = future.get();
                waits.add(times[0]);
                gradings.add(times[1]);
            }
            return new Throughput(count, (System.nanoTime() - queued) / 1_000_000, waits, gradings);
        } catch (ExecutionException e) {
            throw new IOException("a queued grading failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
