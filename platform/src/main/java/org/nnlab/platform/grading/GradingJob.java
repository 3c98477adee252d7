package org.nnlab.platform.grading;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;
import java.util.UUID;
import org.nnlab.grader.lab.GpuUse;

/**
 * A grading job: queued when a submission is stored, claimed by a worker with a lease, done or failed. A job whose
 * lease expired (its worker died) is claimed again. The version column makes claiming safe across workers and
 * platform instances. Workers claim and settle jobs over JDBC ({@link org.nnlab.worker.GradingQueue}), by the column
 * names this entity maps to: rename a field here and there together.
 */
@Entity
@Table(indexes = @Index(name = "gradingjob_claim", columnList = "state, queuedAt"))
public class GradingJob {
    /** Where a job is. */
    public enum State {
        /** Waiting for a worker. */
        QUEUED,
        /** Claimed by a worker until its lease ends. */
        RUNNING,
        /** Finished with a result. */
        DONE,
        /** Finished without a result. */
        FAILED
    }

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 36)
    private String submissionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state;

    @Column(nullable = false)
    private LocalDateTime queuedAt;

    private LocalDateTime startedAt;

    private LocalDateTime leaseUntil;

    @Column(length = 128)
    private String worker;

    private LocalDateTime finishedAt;

    private int attempts;

    @Lob
    private String progress;

    /** Whether its lab wants a GPU worker; null in jobs queued before labs could ask, which means none. */
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private GpuUse gpu;

    @Version
    private long version;

    protected GradingJob() {
    }

    /**
     * @param submissionId the submission to grade
     * @param gpu          whether its lab wants a GPU worker
     * @param queuedAt     when (UTC)
     */
    public GradingJob(String submissionId, GpuUse gpu, LocalDateTime queuedAt) {
        this.id = UUID.randomUUID().toString();
        this.submissionId = submissionId;
        this.gpu = gpu;
        this.queuedAt = queuedAt;
        this.state = State.QUEUED;
    }

    /** @return the id */
    public String getId() {
        return id;
    }

    /** @return whether its lab wants a GPU worker */
    public GpuUse getGpu() {
        return gpu == null ? GpuUse.NONE : gpu;
    }

    /** @return the submission */
    public String getSubmissionId() {
        return submissionId;
    }

    /** @return the state */
    public State getState() {
        return state;
    }

    /** @return when it was queued (UTC) */
    public LocalDateTime getQueuedAt() {
        return queuedAt;
    }

    /** @return how many times a worker claimed it */
    public int getAttempts() {
        return attempts;
    }

    /** @return when a worker claimed it last (UTC), or null */
    public LocalDateTime getStartedAt() {
        return startedAt;
    }

    /** @return until when its worker's lease runs (UTC), or null */
    public LocalDateTime getLeaseUntil() {
        return leaseUntil;
    }

    /** @return the worker that claimed it last, or null */
    public String getWorker() {
        return worker;
    }

    /** @return when it finished (UTC), or null */
    public LocalDateTime getFinishedAt() {
        return finishedAt;
    }

    /** @return what it is doing now */
    public String getProgress() {
        return progress;
    }
}
