package org.nnlab.platform.lab;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * One version of a lab as the platform stores it: the lab folder's files, which never change (in the database as a
 * {@link RevisionArchive}, unpacked by each instance into its own data folder), numbered per lab, with its self-test.
 * Students see the newest revision that passed its self-test; a submission is graded against the revision it
 * recorded.
 */
@Entity
@Table(uniqueConstraints = @UniqueConstraint(columnNames = {"LABID", "REVISION"}))
public class LabRevision {
    /** Where a revision's self-test stands. */
    public enum State {
        /** The reference and the starter are being graded. */
        TESTING,
        /** The reference gets full marks, the starter runs and gets less: published. */
        PASSED,
        /** Not published; the problem says why. */
        FAILED
    }

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 64)
    private String labId;

    private int revision;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(nullable = false, length = 1024)
    private String directory;

    @Column(nullable = false)
    private LocalDateTime createdAt;

    @Column(nullable = false, length = 64)
    private String createdBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state;

    @Lob
    private String problem;

    @Column(length = 36)
    private String referenceSubmissionId;

    @Column(length = 36)
    private String starterSubmissionId;

    protected LabRevision() {
    }

    /**
     * @param labId     the lab
     * @param revision  its number, 1 for the first
     * @param sha256    checksum of the folder's files
     * @param directory where the instance that stored it unpacked its copy
     * @param createdAt when (UTC)
     * @param createdBy who added it
     */
    public LabRevision(String labId, int revision, String sha256, String directory, LocalDateTime createdAt,
                       String createdBy) {
        this.id = UUID.randomUUID().toString();
        this.labId = labId;
        this.revision = revision;
        this.sha256 = sha256;
        this.directory = directory;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.state = State.TESTING;
    }

    /** Records the self-test's two submissions. */
    void selfTest(String referenceId, String starterId) {
        this.referenceSubmissionId = referenceId;
        this.starterSubmissionId = starterId;
    }

    /** Records the self-test's verdict. */
    void verdict(State verdict, String why) {
        this.state = verdict;
        this.problem = why;
    }

    /** @return the id */
    public String getId() {
        return id;
    }

    /** @return the lab */
    public String getLabId() {
        return labId;
    }

    /** @return the revision number */
    public int getRevision() {
        return revision;
    }

    /** @return checksum of the folder's files */
    public String getSha256() {
        return sha256;
    }

    /**
     * @return where the instance that stored it unpacked its copy; revisions stored before their files went into the
     *     database are read from there
     */
    public String getDirectory() {
        return directory;
    }

    /** @return when it was added (UTC) */
    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    /** @return who added it */
    public String getCreatedBy() {
        return createdBy;
    }

    /** @return where its self-test stands */
    public State getState() {
        return state;
    }

    /** @return why it failed, or null */
    public String getProblem() {
        return problem;
    }

    /** @return the self-test's reference submission */
    public String getReferenceSubmissionId() {
        return referenceSubmissionId;
    }

    /** @return the self-test's starter submission */
    public String getStarterSubmissionId() {
        return starterSubmissionId;
    }
}
