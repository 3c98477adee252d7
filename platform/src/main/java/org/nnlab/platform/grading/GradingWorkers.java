package org.nnlab.platform.grading;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nnlab.grader.lab.Lab;
import org.nnlab.grader.result.GradingResult;
import org.nnlab.grader.result.ResultJson;
import org.nnlab.grader.sandbox.SandboxUnavailableException;
import org.nnlab.grader.submission.SubmissionException;
import org.nnlab.platform.lab.LabCatalog;
import org.nnlab.platform.submission.SubmissionRecord;
import org.nnlab.platform.submission.SubmissionStatus;
import org.nnlab.platform.submission.Submissions;

/**
 * The pool of workers that grade queued submissions, started with the application: {@code nnlab.grading.workers}
 * of them (0 means one per core). Each claims a job, grades it through the sandboxed grader, stores the result,
 * and claims the next; when the queue is empty it waits a second. A job that fails for a reason of the platform's own
 * (not the submission's) is queued again, up to three attempts; one whose grader crashed (a {@link GradingFailure})
 * fails at once with a message that says so, and its worker goes on. While a worker grades, a keeper thread renews
 * the job's lease, so that only a dead worker's job is claimed again.
 */
@ApplicationScoped
public class GradingWorkers {
    private static final Logger LOG = Logger.getLogger(GradingWorkers.class.getName());
    private static final long IDLE_MILLIS = 1000;
    /** Attempts at a job that fails for a reason of the platform's own, before its submission is marked failed. */
    private static final int MAX_ATTEMPTS = 3;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    @ConfigProperty(name = "nnlab.grading.workers")
    int configuredWorkers;

    @Inject
    JobQueue queue;

    @Inject
    Submissions submissions;

    @Inject
    LabCatalog catalog;

    @Inject
    GraderProvider graders;

    private LeaseKeeper leases;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        int count = configuredWorkers > 0 ? configuredWorkers : Runtime.getRuntime().availableProcessors();
        String node = ManagementFactory.getRuntimeMXBean().getName();
        leases = new LeaseKeeper(queue::renewLease);
        Thread keeper = threadFactory.newThread(this::keepLeases);
        keeper.setName("nnlab-" + node + "/lease-keeper");
        threads.add(keeper);
        keeper.start();
        for (int i = 1; i <= count; i++) {
            String name = node + "/worker-" + i;
            Thread thread = threadFactory.newThread(() -> work(name));
            thread.setName("nnlab-" + name);
            threads.add(thread);
            thread.start();
        }
        LOG.info(count + " grading worker(s) started");
    }

    @PreDestroy
    void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
    }

    private void work(String name) {
        while (running) {
            try {
                Optional<GradingJob> job = queue.claim(name);
                if (job.isPresent()) {
                    grade(job.get());
                } else {
                    Thread.sleep(IDLE_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
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

    private void grade(GradingJob job) {
        leases.hold(job);
        try {
            gradeHeld(job);
        } finally {
            leases.release(job);
        }
    }

    private void gradeHeld(GradingJob job) {
        String submissionId = job.getSubmissionId();
        Runnable outcome;
        boolean done = false;
        try {
            SubmissionRecord record = submissions.byId(submissionId).orElseThrow(() -> new IllegalStateException(
                    "submission " + submissionId + " is gone"));
            Lab lab = catalog.revision(record.getLabId(), record.getLabVersion()).orElseThrow(() ->
                    new IllegalStateException("the lab " + record.getLabId() + " has no revision "
                            + record.getLabVersion()));
            submissions.status(submissionId, SubmissionStatus.GRADING);
            long start = System.nanoTime();
            GradingResult result = graders.grader().grade(lab, Submissions.toSubmission(record),
                    new JobProgress(queue, job.getId(), job.getAttempts(), lab.parameters().get("epochs"),
                            lab.runs()));
            long millis = (System.nanoTime() - start) / 1_000_000;
            String json = ResultJson.write(result);
            outcome = () -> submissions.graded(submissionId, result.score(), result.maxScore(), json, millis);
            done = true;
        } catch (SubmissionException | SandboxUnavailableException e) {
            outcome = () -> submissions.failed(submissionId, e.getMessage());
        } catch (Exception | Error e) {
            if (GradingFailure.worthRetrying(e) && job.getAttempts() < MAX_ATTEMPTS) {
                LOG.log(Level.WARNING, "grading submission " + submissionId + " failed at attempt "
                        + job.getAttempts() + "; it is queued again", e);
                queue.requeue(job.getId(), job.getAttempts(), () -> submissions.status(submissionId,
                        SubmissionStatus.QUEUED));
                return;
            }
            LOG.log(Level.SEVERE, "grading submission " + submissionId + " failed", e);
            outcome = () -> submissions.failed(submissionId, GradingFailure.message(e));
        }
        if (!queue.finish(job.getId(), job.getAttempts(), done, outcome)) {
            LOG.info("attempt " + job.getAttempts() + " at submission " + submissionId + " lost its job to a later "
                    + "attempt; its outcome is dropped");
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(IDLE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
