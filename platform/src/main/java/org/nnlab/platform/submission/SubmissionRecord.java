package org.nnlab.platform.submission;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.UUID;
import org.nnlab.grader.result.GradingResult;
import org.nnlab.grader.result.ResultJson;
import org.nnlab.platform.account.UserAccount;

/**
 * A submission as stored before grading: sources, answers, their checksum, who and when; then its result. Workers
 * read it and store its outcome over JDBC ({@link org.nnlab.worker.GradingQueue}), by the column names this entity
 * maps to: rename a field here and there together.
 */
@Entity
@Table(name = "SUBMISSION")
public class SubmissionRecord {
    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(optional = false)
    private UserAccount author;

    @Column(nullable = false, length = 64)
    private String labId;

    @Column(nullable = false)
    private int labVersion;

    @Column(nullable = false)
    private LocalDateTime submittedAt;

    @Lob
    @Column(nullable = false)
    private String sourcesJson;

    @Lob
    @Column(nullable = false)
    private String answersJson;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private SubmissionStatus status;

    private Double score;

    private Double maxScore;

    private Double adjustedScore;

    private Long gradingMillis;

    private int daysLate;

    private double latePenalty;

    @Lob
    private String resultJson;

    @Lob
    private String error;

    private LocalDateTime gradedAt;

    protected SubmissionRecord() {
    }

    /**
     * @param author      who submitted
     * @param labId       the lab
     * @param labVersion  the lab's version at submission
     * @param sourcesJson the sources, as a JSON object of path to text
     * @param answersJson the answers, as a JSON object of id to text
     * @param sha256      checksum of sources and answers
     * @param submittedAt when (UTC)
     */
    public SubmissionRecord(UserAccount author, String labId, int labVersion, String sourcesJson, String answersJson,
                            String sha256, LocalDateTime submittedAt) {
        this.id = UUID.randomUUID().toString();
        this.author = author;
        this.labId = labId;
        this.labVersion = labVersion;
        this.sourcesJson = sourcesJson;
        this.answersJson = answersJson;
        this.sha256 = sha256;
        this.submittedAt = submittedAt;
        this.status = SubmissionStatus.QUEUED;
    }

    /** Records the result of grading. */
    public void graded(double earned, double possible, String result, LocalDateTime at) {
        this.status = SubmissionStatus.GRADED;
        this.score = earned;
        this.maxScore = possible;
        this.resultJson = result;
        this.gradedAt = at;
        this.error = null;
    }

    /** @param adjusted the score with the instructor's check overrides, or null when there are none */
    public void setAdjustedScore(Double adjusted) {
        this.adjustedScore = adjusted;
    }

    /** Clears the result, for grading again against {@code version} of the lab; keep it as a past result first. */
    public void regrade(int version) {
        this.status = SubmissionStatus.QUEUED;
        this.labVersion = version;
        this.score = null;
        this.maxScore = null;
        this.adjustedScore = null;
        this.resultJson = null;
        this.error = null;
        this.gradedAt = null;
        this.gradingMillis = null;
    }

    /** @return the id */
    public String getId() {
        return id;
    }

    /** @return who submitted */
    public UserAccount getAuthor() {
        return author;
    }

    /** @return the lab */
    public String getLabId() {
        return labId;
    }

    /** @return the lab version */
    public int getLabVersion() {
        return labVersion;
    }

    /** @return when (UTC) */
    public LocalDateTime getSubmittedAt() {
        return submittedAt;
    }

    /** @return the sources as JSON */
    public String getSourcesJson() {
        return sourcesJson;
    }

    /** @return the answers as JSON */
    public String getAnswersJson() {
        return answersJson;
    }

    /** @return the checksum of sources and answers */
    public String getSha256() {
        return sha256;
    }

    /** @return the status */
    public SubmissionStatus getStatus() {
        return status;
    }

    /** @return the score, once graded */
    public Double getScore() {
        return score;
    }

    /** @return the most it could score, once graded */
    public Double getMaxScore() {
        return maxScore;
    }

    /** @return the score with the instructor's overrides (or the automatic one), less any late penalty */
    public Double getFinalScore() {
        Double base = adjustedScore != null ? adjustedScore : score;
        return base == null ? null : penalized(base);
    }

    /** @return the automatic score less any late penalty: what a student sees before results are released */
    public Double getAutomaticScore() {
        return score == null ? null : penalized(score);
    }

    /** Records that the submission came after the deadline and what it costs. */
    public void setLateness(int days, double penalty) {
        this.daysLate = days;
        this.latePenalty = penalty;
    }

    /** @return started days after the deadline, 0 when on time */
    public int getDaysLate() {
        return daysLate;
    }

    /** @return the fraction of the score lost for lateness */
    public double getLatePenalty() {
        return latePenalty;
    }

    private double penalized(double base) {
        return Math.round(base * (1 - latePenalty) * 100) / 100.0;
    }

    /** @return the score with the instructor's overrides, or null when there are none */
    public Double getAdjustedScore() {
        return adjustedScore;
    }

    /** @return how long grading took, end to end, once graded */
    public Long getGradingMillis() {
        return gradingMillis;
    }

    /** @return the grading result as JSON, once graded */
    public String getResultJson() {
        return resultJson;
    }

    /**
     * @return the grading result, once graded
     * @throws IllegalStateException when the stored JSON cannot be read, which only a damaged database causes
     */
    public Optional<GradingResult> result() {
        if (resultJson == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ResultJson.read(resultJson));
        } catch (IOException e) {
            throw new IllegalStateException("the stored result of submission " + id + " is not valid JSON", e);
        }
    }

    /** @return why it could not be graded */
    public String getError() {
        return error;
    }

    /** @return when it was graded (UTC) */
    public LocalDateTime getGradedAt() {
        return gradedAt;
    }
}
