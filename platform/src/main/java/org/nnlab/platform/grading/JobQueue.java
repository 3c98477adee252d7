package org.nnlab.platform.grading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.nnlab.grader.lab.GpuUse;

/**
 * Grading jobs in the database, as the web side sees them: queued with each submission, listed on the queue page,
 * and retried by instructors. Workers claim, renew and settle them through {@link org.nnlab.worker.GradingQueue},
 * over JDBC on the same table, whether they run in this platform or on other machines.
 */
@ApplicationScoped
public class JobQueue {
    @PersistenceContext(unitName = "nnlab")
    EntityManager entityManager;

    Clock clock = Clock.systemUTC();

    /**
     * Queues a job for a stored submission; call inside the transaction that stores it.
     *
     * @param gpu whether the lab it is graded against wants a GPU worker
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public GradingJob enqueue(String submissionId, GpuUse gpu) {
        GradingJob job = new GradingJob(submissionId, gpu, now());
        entityManager.persist(job);
        return job;
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
