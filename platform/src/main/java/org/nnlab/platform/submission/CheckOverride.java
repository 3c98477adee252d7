package org.nnlab.platform.submission;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * An instructor's score and comment for one check of one submission: manual grading of a check the lab marks
 * manual, or an override of an automatic one. Every one is kept, with who and when; the newest per check counts.
 */
@Entity
public class CheckOverride {
    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 36)
    private String submissionId;

    @Column(nullable = false, length = 64)
    private String checkId;

    private double points;

    @Lob
    private String comment;

    @Column(nullable = false, length = 64)
    private String byUsername;

    @Column(nullable = false)
    private LocalDateTime at;

    protected CheckOverride() {
    }

    /**
     * @param submissionId the submission
     * @param checkId      the check
     * @param points       the points given
     * @param comment      the comment for the student, possibly empty
     * @param byUsername   the instructor
     * @param at           when (UTC)
     */
    public CheckOverride(String submissionId, String checkId, double points, String comment, String byUsername,
                         LocalDateTime at) {
        this.id = UUID.randomUUID().toString();
        this.submissionId = submissionId;
        this.checkId = checkId;
        this.points = points;
        this.comment = comment;
        this.byUsername = byUsername;
        this.at = at;
    }

    /** @return the submission */
    public String getSubmissionId() {
        return submissionId;
    }

    /** @return the check */
    public String getCheckId() {
        return checkId;
    }

    /** @return the points given */
    public double getPoints() {
        return points;
    }

    /** @return the comment for the student */
    public String getComment() {
        return comment == null ? "" : comment;
    }

    /** @return the instructor who gave it */
    public String getByUsername() {
        return byUsername;
    }

    /** @return when (UTC) */
    public LocalDateTime getAt() {
        return at;
    }
}
