package org.nnlab.grader.sandbox;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits that finish even when the calling thread is interrupted, and restore its interrupt flag afterwards, so
 * that cleanup always runs to its end (the pattern of Guava's {@code Uninterruptibles}).
 */
final class Uninterruptibly {

    private Uninterruptibly() {
    }

    /**
     * Sleeps for {@code duration}, even if interrupted.
     *
     * @param duration how long to sleep
     */
    static void sleep(Duration duration) {
        boolean interrupted = false;
        long end = System.nanoTime() + duration.toNanos();
        try {
            for (long left = duration.toNanos(); left > 0; left = end - System.nanoTime()) {
                try {
                    TimeUnit.NANOSECONDS.sleep(left);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Waits for {@code process} to end, at most {@code patience}, even if interrupted.
     *
     * @param process  the process to wait for
     * @param patience the longest wait
     * @return whether it ended
     */
    static boolean waitFor(Process process, Duration patience) {
        boolean interrupted = false;
        long end = System.nanoTime() + patience.toNanos();
        try {
            while (true) {
                try {
                    return process.waitFor(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Waits for {@code thread} to end, at most {@code patience}, even if interrupted.
     *
     * @param thread   the thread to wait for
     * @param patience the longest wait
     * @return whether it ended
     */
    static boolean join(Thread thread, Duration patience) {
        boolean interrupted = false;
        long end = System.nanoTime() + patience.toNanos();
        try {
            while (true) {
                long left = end - System.nanoTime();
                if (!thread.isAlive() || left <= 0) {
                    return !thread.isAlive();
                }
                try {
                    TimeUnit.NANOSECONDS.timedJoin(thread, left);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
