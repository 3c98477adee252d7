package org.nnlab.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nnlab.grader.Grader;
import org.nnlab.grader.lab.Lab;
import org.nnlab.grader.result.GradingResult;
import org.nnlab.grader.submission.Submission;

class WorkerPoolTest {
    private final Logger logger = Logger.getLogger(WorkerPool.class.getName());
    private final List<LogRecord> severe = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                severe.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        logger.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(handler);
    }

    @Test
    void aClaimThatFailsOnceThePoolIsStoppingEndsItsWorkerWithoutAFailureLogged() throws Exception {
        CountDownLatch claiming = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        GradingQueue queue = queue();
        when(queue.claim(anyString(), anyBoolean())).thenAnswer(call -> {
            claiming.countDown();
            awaitUninterruptibly(stopped); // the data source goes while the claim runs
            throw new QueueUnavailableException("claiming a job: no pool meta data", null);
        });
        WorkerPool pool = pool(queue);
        pool.start();
        assertTrue(claiming.await(10, TimeUnit.SECONDS));
        pool.stop();
        stopped.countDown();

        for (Thread thread : threads) {
            thread.join(10_000);
            assertFalse(thread.isAlive(), thread.getName() + " still runs");
        }
        assertEquals(List.of(), severe.stream().map(LogRecord::getMessage).toList());
    }

    @Test
    void aClaimThatFailsWhileThePoolRunsIsLoggedAndItsWorkerGoesOn() throws Exception {
        CountDownLatch claimedAgain = new CountDownLatch(2);
        GradingQueue queue = queue();
        when(queue.claim(anyString(), anyBoolean())).thenAnswer(call -> {
            claimedAgain.countDown();
            if (claimedAgain.getCount() == 1) {
                throw new QueueUnavailableException("claiming a job: the database is down", null);
            }
            return Optional.empty();
        });
        WorkerPool pool = pool(queue);
        pool.start();
        try {
            assertTrue(claimedAgain.await(30, TimeUnit.SECONDS), "the worker claimed again after the failure");
        } finally {
            pool.stop();
        }
        assertEquals(1, severe.size());
        assertTrue(severe.get(0).getMessage().endsWith("failed; it goes on"), severe.get(0).getMessage());
    }

    @Test
    void anIdleWorkerStartsASpareForTheLabItGradedLast() throws Exception {
        GradingQueue queue = queue();
        ClaimedJob job = new ClaimedJob("job-1", "submission-1", 1);
        when(queue.claim(anyString(), anyBoolean())).thenReturn(Optional.of(job), Optional.empty());
        Submission submission = new Submission(Map.of("Solution.java", "class Solution {}"), Map.of());
        when(queue.submission("submission-1")).thenReturn(Optional.of(new QueuedSubmission("submission-1", "lab",
                1, submission)));
        when(queue.graded(any(), any(), anyLong())).thenReturn(true);
        Lab lab = mock(Lab.class);
        when(lab.parameters()).thenReturn(Map.of("epochs", 2.0));
        when(lab.runs()).thenReturn(List.of("A"));
        Grader grader = mock(Grader.class);
        when(grader.grade(eq(lab), eq(submission), any())).thenReturn(mock(GradingResult.class));
        CountDownLatch spareStarted = new CountDownLatch(1);
        when(grader.startSpare(lab)).thenAnswer(call -> {
            spareStarted.countDown();
            return true;
        });
        WorkerPool pool = new WorkerPool(queue, (labId, revision) -> Optional.of(lab), "test@host",
                List.of(WorkerSlot.cpu(1, () -> grader)), this::thread);
        pool.start();
        try {
            assertTrue(spareStarted.await(30, TimeUnit.SECONDS), "no spare was started once the queue was empty");
        } finally {
            pool.stop();
        }
        verify(queue).graded(eq(job), any(), anyLong());
    }

    @Test
    void aSpareThatFailsToStartIsTriedOnceUntilTheWorkerGradesAgain() throws Exception {
        GradingQueue queue = queue();
        ClaimedJob job = new ClaimedJob("job-1", "submission-1", 1);
        CountDownLatch idleThrice = new CountDownLatch(4);
        when(queue.claim(anyString(), anyBoolean())).thenAnswer(call -> {
            idleThrice.countDown();
            return idleThrice.getCount() == 3 ? Optional.of(job) : Optional.empty();
        });
        Submission submission = new Submission(Map.of("Solution.java", "class Solution {}"), Map.of());
        when(queue.submission("submission-1")).thenReturn(Optional.of(new QueuedSubmission("submission-1", "lab",
                1, submission)));
        when(queue.graded(any(), any(), anyLong())).thenReturn(true);
        Lab lab = mock(Lab.class);
        when(lab.parameters()).thenReturn(Map.of("epochs", 2.0));
        Grader grader = mock(Grader.class);
        when(grader.grade(eq(lab), eq(submission), any())).thenReturn(mock(GradingResult.class));
        when(grader.startSpare(lab)).thenThrow(new IOException("no space left on device"));
        WorkerPool pool = new WorkerPool(queue, (labId, revision) -> Optional.of(lab), "test@host",
                List.of(WorkerSlot.cpu(1, () -> grader)), this::thread);
        pool.start();
        try {
            assertTrue(idleThrice.await(30, TimeUnit.SECONDS), "the worker was idle three times after its grading");
        } finally {
            pool.stop();
        }
        verify(grader, times(1)).startSpare(lab);
    }

    @Test
    void aWorkerThatGradedNothingYetStartsNoSpare() throws Exception {
        CountDownLatch idleTwice = new CountDownLatch(2);
        GradingQueue queue = queue();
        when(queue.claim(anyString(), anyBoolean())).thenAnswer(call -> {
            idleTwice.countDown();
            return Optional.empty();
        });
        Grader grader = mock(Grader.class);
        WorkerPool pool = new WorkerPool(queue, (labId, revision) -> Optional.empty(), "test@host",
                List.of(WorkerSlot.cpu(1, () -> grader)), this::thread);
        pool.start();
        try {
            assertTrue(idleTwice.await(30, TimeUnit.SECONDS));
        } finally {
            pool.stop();
        }
        verify(grader, never()).startSpare(any());
    }

    private Thread thread(Runnable runnable) {
        Thread thread = new Thread(runnable);
        threads.add(thread);
        return thread;
    }

    private static GradingQueue queue() {
        GradingQueue queue = mock(GradingQueue.class);
        when(queue.lease()).thenReturn(Duration.ofMinutes(1));
        return queue;
    }

    private WorkerPool pool(GradingQueue queue) {
        return new WorkerPool(queue, (labId, number) -> Optional.empty(), "test@host",
                List.of(WorkerSlot.cpu(1, () -> {
                    throw new AssertionError("no job is graded");
                })), this::thread);
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        while (latch.getCount() > 0) {
            try {
                latch.await();
            } catch (InterruptedException stopping) {
                // the pool interrupts its workers when it stops; the claim still ends as the database makes it
            }
        }
    }
}
