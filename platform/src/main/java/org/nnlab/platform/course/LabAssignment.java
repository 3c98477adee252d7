package org.nnlab.platform.course;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** A lab a course assigns, open from a date until its deadline (UTC), with what happens to late submissions. */
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

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private LatePolicy latePolicy;

    private double penaltyPercentPerDay;

    private LocalDateTime releasedAt;

    private LocalDateTime regradeStartedAt;

    private int regradeCount;

    protected LabAssignment() {
    }

    /**
     * @param course   the course
     * @param labId    the lab's id in the catalog
     * @param opensAt  when students may start submitting (UTC)
     * @param deadline when submissions close (UTC)
     * @param policy   what happens to late submissions
     * @param percent  with {@link LatePolicy#PENALTY}, the percentage of the score lost per started day late
     */
    public LabAssignment(Course course, String labId, LocalDateTime opensAt, LocalDateTime deadline,
                         LatePolicy policy, double percent) {
        this.id = UUID.randomUUID().toString();
        this.course = course;
        this.labId = labId;
        schedule(opensAt, deadline, policy, percent);
    }

    /** Sets the dates and the late policy. */
    void schedule(LocalDateTime opens, LocalDateTime due, LatePolicy policy, double percent) {
        if (!due.isAfter(opens)) {
            throw new IllegalArgumentException("The deadline must come after the opening.");
        }
        if (policy == LatePolicy.PENALTY && !(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("The penalty per day must be more than 0% and at most 100%.");
        }
        this.opensAt = opens;
        this.deadline = due;
        this.latePolicy = policy;
        this.penaltyPercentPerDay = policy == LatePolicy.PENALTY ? percent : 0;
    }

    /** @return whether, and at what cost, a submission made at {@code at} (UTC) is accepted */
    public Admission admit(LocalDateTime at) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        if (at.isBefore(opensAt)) {
            return new Admission("This lab opens for submissions at " + opensAt.format(format) + " UTC.", 0, 0);
        }
        if (!at.isAfter(deadline)) {
            return new Admission(null, 0, 0);
        }
        if (getLatePolicy() == LatePolicy.REFUSE) {
            return new Admission("The deadline was " + deadline.format(format) + " UTC; this lab accepts no late "
                    + "submission.", 0, 0);
        }
        long minutes = Duration.between(deadline, at).toMinutes();
        int days = (int) Math.max(1, (minutes + 24 * 60 - 1) / (24 * 60));
        return new Admission(null, days, Math.min(1, days * penaltyPercentPerDay / 100));
    }

    /** @return what happens to late submissions */
    public LatePolicy getLatePolicy() {
        return latePolicy == null ? LatePolicy.REFUSE : latePolicy;
    }

    /** @return with {@link LatePolicy#PENALTY}, the percentage of the score lost per started day late */
    public double getPenaltyPercentPerDay() {
        return penaltyPercentPerDay;
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

    /** @return when the instructor last had every submission graded again (UTC), or null */
    public LocalDateTime getRegradeStartedAt() {
        return regradeStartedAt;
    }

    /** @return how many submissions that regrade queued */
    public int getRegradeCount() {
        return regradeCount;
    }

    /** Records that {@code count} submissions were queued to be graded again at {@code at}. */
    void regradeStarted(LocalDateTime at, int count) {
        this.regradeStartedAt = at;
        this.regradeCount = count;
    }
}
