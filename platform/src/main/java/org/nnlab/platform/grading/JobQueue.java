package org.nnlab.platform.grading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Grading jobs in the database. A worker claims the oldest job that is queued, or running with an expired lease,
 * with one conditional update on the job's version: two workers, even on two platform instances, never claim the
 * same job. On PostgreSQL, where any number of workers on many machines may share the queue, the candidate is first
 * locked with {@code FOR UPDATE SKIP LOCKED}, so that concurrent workers each lock a different job instead of
 * racing for the oldest (H2 applies {@code LIMIT} before skipping locked rows, so it keeps the conditional update
 * alone). A living worker renews its lease while it grades ({@link LeaseKeeper}), so a lease expires only when its
 * worker died.
 */
@ApplicationScoped
public class JobQueue {
    private static final int CANDIDATES = 5;

    @PersistenceContext(unitName = "nnlab")
    EntityManager entityManager;

    @Inject
    @ConfigProperty(name = "nnlab.grading.lease.seconds")
    long leaseSeconds;

    @Inject
    @ConfigProperty(name = "nnlab.db.url")
    String databaseUrl;

    Clock clock = Clock.systemUTC();

    /** Queues a job for a stored submission; call inside the transaction that stores it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public GradingJob enqueue(String submissionId) {
        GradingJob job = new GradingJob(submissionId, now());
        entityManager.persist(job);
        return job;
    }

    /** @return the job claimed for {@code worker}, if one was waiting */
    @Transactional
    public Optional<GradingJob> claim(String worker) {
        LocalDateTime now = now();
        List<GradingJob> candidates = skipsLockedRows() ? lockedCandidate(now) : entityManager.createQuery(
                "SELECT j FROM GradingJob j WHERE j.state = :queued OR (j.state = :running AND j.leaseUntil < :now) "
                        + "ORDER BY j.queuedAt", GradingJob.class)
                .setParameter("queued", GradingJob.State.QUEUED).setParameter("running", GradingJob.State.RUNNING)
                .setParameter("now", now).setMaxResults(CANDIDATES).getResultList();
        for (GradingJob candidate : candidates) {
            int claimed = entityManager.createQuery("UPDATE GradingJob j SET j.state = :running, j.worker = :worker, "
                    + "j.startedAt = :now, j.leaseUntil = :lease, j.attempts = j.attempts + 1, "
                    + "j.version = j.version + 1 WHERE j.id = :id AND j.version = :version")
                    .setParameter("running", GradingJob.State.RUNNING).setParameter("worker", worker)
                    .setParameter("now", now).setParameter("lease", now.plusSeconds(leaseSeconds))
                    .setParameter("id", candidate.getId()).setParameter("version", candidate.getVersion())
                    .executeUpdate();
            if (claimed == 1) {
                GradingJob job = entityManager.find(GradingJob.class, candidate.getId());
                entityManager.refresh(job); // the bulk update bypassed the persistence context
                return Optional.of(job);
            }
        }
        return Optional.empty();
    }

    /** @return whether the database locks the claimed job's row with {@code SKIP LOCKED}: PostgreSQL */
    boolean skipsLockedRows() {
        return databaseUrl != null && databaseUrl.startsWith("jdbc:postgresql:");
    }

    /**
     * @return the oldest claimable job that no other transaction holds, locked by this one until it commits; none
     *     when every claimable job is locked
     */
    @SuppressWarnings("unchecked")
    private List<GradingJob> lockedCandidate(LocalDateTime now) {
        return entityManager.createNativeQuery("SELECT * FROM GRADINGJOB WHERE STATE = ?1 OR (STATE = ?2 AND "
                + "LEASEUNTIL < ?3) ORDER BY QUEUEDAT LIMIT 1 FOR UPDATE SKIP LOCKED", GradingJob.class)
                .setParameter(1, GradingJob.State.QUEUED.name()).setParameter(2, GradingJob.State.RUNNING.name())
                .setParameter(3, now).getResultList();
    }

    /**
     * Marks a job finished, with or without a result, and records its outcome in the same transaction, if the attempt
     * that graded it still holds it. An attempt whose lease was ended (by an instructor's retry, or because it ran
     * past it) and whose job another worker claimed since records nothing: only one attempt's result is ever stored.
     *
     * @param attempt the job's attempt number when this worker claimed it
     * @param outcome stores the submission's result or failure
     * @return whether the attempt still held the job, so that its outcome was stored
     */
    @Transactional
    public boolean finish(String jobId, int attempt, boolean done, Runnable outcome) {
        return settle(jobId, attempt, job -> job.finish(done, now()), outcome);
    }

    /**
     * Puts a job back in the queue after its attempt failed for a reason of the platform's own (not the
     * submission's), if that attempt still holds it; the next free worker tries again.
     *
     * @param outcome marks the submission as waiting again
     * @return whether the attempt still held the job
     */
    @Transactional
    public boolean requeue(String jobId, int attempt, Runnable outcome) {
        return settle(jobId, attempt, GradingJob::requeue, outcome);
    }

    private boolean settle(String jobId, int attempt, java.util.function.Consumer<GradingJob> change,
                           Runnable outcome) {
        GradingJob job = entityManager.find(GradingJob.class, jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || job.getState() != GradingJob.State.RUNNING || job.getAttempts() != attempt) {
            return false;
        }
        outcome.run();
        change.accept(job);
        return true;
    }

    /** Records what a running job is doing, for the submission page, unless another attempt holds it now. */
    @Transactional
    public void progress(String jobId, int attempt, String progress) {
        entityManager.createQuery("UPDATE GradingJob j SET j.progress = :progress WHERE j.id = :id AND "
                + "j.attempts = :attempt AND j.state = :running").setParameter("progress", progress)
                .setParameter("id", jobId).setParameter("attempt", attempt)
                .setParameter("running", GradingJob.State.RUNNING).executeUpdate();
    }

    /**
     * Extends the lease of a job that the given attempt is still grading, so that a job is claimed again only when
     * its worker stopped renewing (it died, or its platform was killed). A lease that already ended (an instructor's
     * retry, or a renewal that came too late) is not revived: the job is then another attempt's to claim.
     *
     * @return whether the attempt still held an unexpired lease, now extended
     */
    @Transactional
    public boolean renewLease(String jobId, int attempt) {
        LocalDateTime now = now();
        return entityManager.createQuery("UPDATE GradingJob j SET j.leaseUntil = :lease, j.version = j.version + 1 "
                + "WHERE j.id = :id AND j.attempts = :attempt AND j.state = :running AND j.leaseUntil >= :now")
                .setParameter("lease", now.plusSeconds(leaseSeconds)).setParameter("id", jobId)
                .setParameter("attempt", attempt).setParameter("running", GradingJob.State.RUNNING)
                .setParameter("now", now).executeUpdate() == 1;
    }

    /** @return how long a claimed job's lease runs before another worker may claim it, unless renewed */
    public Duration lease() {
        return Duration.ofSeconds(leaseSeconds);
    }

    /** @return the jobs waiting or running, oldest first, then the newest failed ones */
    public List<GradingJob> overview(int failedLimit) {
        List<GradingJob> jobs = new java.util.ArrayList<>(entityManager.createQuery("SELECT j FROM GradingJob j "
                + "WHERE j.state = :queued OR j.state = :running ORDER BY j.queuedAt", GradingJob.class)
                .setParameter("queued", GradingJob.State.QUEUED).setParameter("running", GradingJob.State.RUNNING)
                .getResultList());
        jobs.addAll(entityManager.createQuery("SELECT j FROM GradingJob j WHERE j.state = :failed ORDER BY "
                + "j.finishedAt DESC", GradingJob.class).setParameter("failed", GradingJob.State.FAILED)
                .setMaxResults(failedLimit).getResultList());
        return jobs;
    }

    /** @return the job with that id */
    public Optional<GradingJob> byId(String jobId) {
        return Optional.ofNullable(entityManager.find(GradingJob.class, jobId));
    }

    /**
     * Ends the lease of a running job that seems stuck, so that the next free worker claims it again.
     *
     * @return whether the job was running
     */
    @Transactional
    public boolean releaseLease(String jobId) {
        return entityManager.createQuery("UPDATE GradingJob j SET j.leaseUntil = :now, j.version = j.version + 1 "
                + "WHERE j.id = :id AND j.state = :running").setParameter("now", now().minusSeconds(1))
                .setParameter("id", jobId).setParameter("running", GradingJob.State.RUNNING).executeUpdate() == 1;
    }

    /** @return the job of a submission */
    public Optional<GradingJob> ofSubmission(String submissionId) {
        return entityManager.createQuery("SELECT j FROM GradingJob j WHERE j.submissionId = :id ORDER BY j.queuedAt "
                + "DESC", GradingJob.class).setParameter("id", submissionId).setMaxResults(1).getResultStream()
                .findFirst();
    }

    /** @return how many queued jobs are ahead of this one (0 when it is next or already running) */
    public long positionOf(GradingJob job) {
        if (job.getState() != GradingJob.State.QUEUED) {
            return 0;
        }
        return entityManager.createQuery("SELECT COUNT(j) FROM GradingJob j WHERE j.state = :queued AND "
                + "j.queuedAt < :at", Long.class).setParameter("queued", GradingJob.State.QUEUED)
                .setParameter("at", job.getQueuedAt()).getSingleResult();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
