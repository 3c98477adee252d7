package org.nnlab.platform.course;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.LocalDateTime;
import java.util.UUID;

/** A lab a course assigns, open from a date until its deadline (UTC). */
@Entity
public class LabAssignment {
    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(optional = false)
    private Course course;

    @Column(nullable = false, length = 64)
    private String labId;

    @Column(nullable = false)
    private LocalDateTime opensAt;

    @Column(nullable = false)
    private LocalDateTime deadline;

    private boolean resultsReleased;

    private LocalDateTime releasedAt;

    protected LabAssignment() {
    }

    /**
     * @param course   the course
     * @param labId    the lab's id in the catalog
     * @param opensAt  when students may start submitting (UTC)
     * @param deadline when submissions close (UTC)
     */
    public LabAssignment(Course course, String labId, LocalDateTime opensAt, LocalDateTime deadline) {
        this.id = UUID.randomUUID().toString();
        this.course = course;
        this.labId = labId;
        this.opensAt = opensAt;
        this.deadline = deadline;
    }

    /** @return the assignment's id */
    public String getId() {
        return id;
    }

    /** @return the course */
    public Course getCourse() {
        return course;
    }

    /** @return the lab's id */
    public String getLabId() {
        return labId;
    }

    /** @return when it opens (UTC) */
    public LocalDateTime getOpensAt() {
        return opensAt;
    }

    /** @return its deadline (UTC) */
    public LocalDateTime getDeadline() {
        return deadline;
    }

    /** @return whether students see the hidden test accuracy and the instructor's scores and comments */
    public boolean isResultsReleased() {
        return resultsReleased;
    }

    /** @return when the results were released (UTC), or null */
    public LocalDateTime getReleasedAt() {
        return releasedAt;
    }

    /** Releases the results to students, or withdraws them. */
    void release(boolean released, LocalDateTime at) {
        this.resultsReleased = released;
        this.releasedAt = released ? at : null;
    }
}
