package org.nnlab.worker;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.nnlab.grader.Grader;
import org.nnlab.grader.lab.Lab;
import org.nnlab.grader.result.GradingResult;
import org.nnlab.grader.sandbox.SandboxUnavailableException;
import org.nnlab.grader.submission.SubmissionException;

/**
 * A pool of workers that grade queued submissions: each claims a job, grades it through the sandboxed grader,
 * stores the outcome, and claims the next; when the queue is empty it waits a second. A job that fails for a reason
 * of the platform's own (not the submission's) is queued again, up to three attempts; one whose grader crashed (an
 * {@link Error}) fails at once with a message that says so, and its worker goes on. While a worker grades, a keeper
 * thread renews the job's lease, so that only a dead worker's job is claimed again. The platform runs one pool in its
 * own JVM; {@link WorkerCommand} runs one as a process of its own. A worker that finds the queue empty starts a
 * spare for the lab it graded last ({@link Grader#startSpare}), which its grader keeps when it was made
 * {@link Grader#withSpares with room for spares}.
 */
public final class WorkerPool {
    private static final Logger LOG = Logger.getLogger(WorkerPool.class.getName());
    private static final long IDLE_MILLIS = 1000;
    /** Attempts at a job that fails for a reason of the platform's own, before its submission is marked failed. */
    private static final int MAX_ATTEMPTS = 3;
    private final GradingQueue queue;
    private final LabRevisions labs;
    private final String node;
    private final List<WorkerSlot> slots;
    private final ThreadFactory threadFactory;
    private final LeaseKeeper leases;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    /**
     * @param queue         where jobs are claimed and outcomes stored
     * @param labs          the lab revisions submissions name
     * @param node          this process's name in the jobs it claims, e.g. {@code 4711@host}
     * @param slots         the jobs it grades at once: one thread each
     * @param threadFactory makes the workers' threads
     */
    public WorkerPool(GradingQueue queue, LabRevisions labs, String node, List<WorkerSlot> slots,
                      ThreadFactory threadFactory) {
        if (slots.isEmpty()) {
            throw new IllegalArgumentException("a worker pool needs at least one slot");
        }
        this.queue = queue;
        this.labs = labs;
        this.node = node;
        this.slots = List.copyOf(slots);
        this.threadFactory = threadFactory;
        this.leases = new LeaseKeeper(queue::renewLease);
    }

    /** Starts the workers and the keeper of their leases. */
    public synchronized void start() {
        Thread keeper = threadFactory.newThread(this::keepLeases);
        keeper.setName("nnlab-" + node + "/lease-keeper");
        threads.add(keeper);
        keeper.start();
        for (WorkerSlot slot : slots) {
            String name = node + "/" + slot.name();
            Thread thread = threadFactory.newThread(() -> work(name, slot));
            thread.setName("nnlab-" + name);
            threads.add(thread);
            thread.start();
        }
        long gpuSlots = slots.stream().filter(WorkerSlot::gpu).count();
        LOG.info(slots.size() + " grading worker(s) started as " + node + (gpuSlots > 0 ? ", " + gpuSlots
                + " of them on GPUs" : ""));
    }

    /** Stops claiming jobs and interrupts the workers; a job being graded is claimed again once its lease ends. */
    public synchronized void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
    }

    private void work(String name, WorkerSlot slot) {
        Lab last = null;
        while (running) {
            try {
                Optional<ClaimedJob> job = queue.claim(name, slot.gpu());
                if (job.isPresent()) {
                    last = grade(job.get(), slot.grader());
                } else {
                    if (!startSpare(name, slot.grader(), last)) {
                        last = null; // tried once and failed: no spare, and no warning each idle second
                    }
                    Thread.sleep(IDLE_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                if (!running) {
                    return; // stopping: the database may be gone already
                }
                LOG.log(Level.SEVERE, "grading worker " + name + " failed; it goes on", e);
                sleepQuietly();
            }
        }
    }

    private void keepLeases() {
        long interval = LeaseKeeper.interval(queue.lease()).toMillis();
        while (running) {
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            leases.renewAll();
        }
    }

    /**
     * While the worker is idle, starts a spare for the lab it graded last, when its grader keeps spares and has room
     * for one; a failure to start one costs only the time it would have saved.
     *
     * @return false when starting a spare failed (logged), true otherwise
     */
    private boolean startSpare(String name, Supplier<Grader> grader, Lab last) {
        if (last == null || !running) {
            return true;
        }
        try {
            grader.get().startSpare(last);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "grading worker " + name + " could not start a spare for " + last.id()
                    + "; gradings start their own sandboxes, and it tries again after its next grading", e);
            return false;
        }
    }

    /** @return the lab it graded, or null when its submission or lab was not found */
    private Lab grade(ClaimedJob job, Supplier<Grader> grader) {
        leases.hold(job);
        try {
            return gradeHeld(job, grader);
        } finally {
            leases.release(job);
        }
    }

    private Lab gradeHeld(ClaimedJob job, Supplier<Grader> grader) {
        String submissionId = job.submissionId();
        BooleanSupplier outcome;
        Lab lab = null;
        try {
            QueuedSubmission submission = queue.submission(submissionId).orElseThrow(() -> new IllegalStateException(
                    "submission " + submissionId + " is gone"));
            lab = labs.revision(submission.labId(), submission.labRevision()).orElseThrow(() ->
                    new IllegalStateException("the lab " + submission.labId() + " has no revision "
                            + submission.labRevision()));
            queue.grading(submissionId);
            long start = System.nanoTime();
            GradingResult result = grader.get().grade(lab, submission.submission(), new JobProgress(queue,
                    job.id(), job.attempt(), lab.parameters().get("epochs"), lab.runs()));
            long millis = (System.nanoTime() - start) / 1_000_000;
            outcome = () -> queue.graded(job, result, millis);
        } catch (SubmissionException | SandboxUnavailableException e) {
            outcome = () -> queue.failed(job, e.getMessage());
        } catch (Exception | Error e) {
            if (GradingFailure.worthRetrying(e) && job.attempt() < MAX_ATTEMPTS) {
                LOG.log(Level.WARNING, "grading submission " + submissionId + " failed at attempt " + job.attempt()
                        + "; it is queued again", e);
                queue.requeue(job);
                return lab;
            }
            LOG.log(Level.SEVERE, "grading submission " + submissionId + " failed", e);
            outcome = () -> queue.failed(job, GradingFailure.message(e));
        }
        if (!outcome.getAsBoolean()) {
            LOG.info("attempt " + job.attempt() + " at submission " + submissionId + " lost its job to a later "
                    + "attempt; its outcome is dropped");
        }
        return lab;
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(IDLE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
