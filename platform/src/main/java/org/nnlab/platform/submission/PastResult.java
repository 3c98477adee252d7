package org.nnlab.platform.submission;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import java.time.LocalDateTime;
import java.util.UUID;

/** A result a submission had before it was graded again: kept, never overwritten. */
@Entity
public class PastResult {
    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 36)
    private String submissionId;

    private int labVersion;

    private Double score;

    private Double maxScore;

    @Lob
    private String resultJson;

    @Lob
    private String error;

    private LocalDateTime gradedAt;

    @Column(nullable = false)
    private LocalDateTime replacedAt;

    @Column(nullable = false, length = 64)
    private String replacedBy;

    protected PastResult() {
    }

    /**
     * @param record     the submission, still holding the result being replaced
     * @param replacedAt when it was sent to be graded again (UTC)
     * @param replacedBy who sent it
     */
    public PastResult(SubmissionRecord record, LocalDateTime replacedAt, String replacedBy) {
        this.id = UUID.randomUUID().toString();
        this.submissionId = record.getId();
        this.labVersion = record.getLabVersion();
        this.score = record.getScore();
        this.maxScore = record.getMaxScore();
        this.resultJson = record.getResultJson();
        this.error = record.getError();
        this.gradedAt = record.getGradedAt();
        this.replacedAt = replacedAt;
        this.replacedBy = replacedBy;
    }

    /** @return the lab version it was graded against */
    public int getLabVersion() {
        return labVersion;
    }

    /** @return the automatic score it had, or null when it was not graded */
    public Double getScore() {
        return score;
    }

    /** @return the most it could score */
    public Double getMaxScore() {
        return maxScore;
    }

    /** @return its result as JSON */
    public String getResultJson() {
        return resultJson;
    }

    /** @return why it could not be graded */
    public String getError() {
        return error;
    }

    /** @return when it was graded (UTC) */
    public LocalDateTime getGradedAt() {
        return gradedAt;
    }

    /** @return when it was replaced (UTC) */
    public LocalDateTime getReplacedAt() {
        return replacedAt;
    }

    /** @return who sent the submission to be graded again */
    public String getReplacedBy() {
        return replacedBy;
    }
}
