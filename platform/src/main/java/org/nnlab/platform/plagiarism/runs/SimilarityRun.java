package org.nnlab.platform.plagiarism.runs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/** One similarity check of a course's latest submissions to a lab: who started it, when, and how it ended. */
@Entity
@Table(name = "SIMILARITY_RUN")
public class SimilarityRun {
    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 64)
    private String courseCode;

    @Column(nullable = false, length = 64)
    private String labId;

    @Column(nullable = false, length = 64)
    private String startedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private RunState state;

    @Column(nullable = false)
    private LocalDateTime startedAt;

    private LocalDateTime finishedAt;

    private int compared;

    @Lob
    private String skipped;

    @Lob
    private String error;

    protected SimilarityRun() {
    }

    /**
     * A run that has just started.
     *
     * @param courseCode the course
     * @param labId      the lab
     * @param startedBy  the instructor
     * @param compared   how many submissions it compares
     * @param startedAt  when (UTC)
     */
    public SimilarityRun(String courseCode, String labId, String startedBy, int compared, LocalDateTime startedAt) {
        this.id = UUID.randomUUID().toString();
        this.courseCode = courseCode;
        this.labId = labId;
        this.startedBy = startedBy;
        this.compared = compared;
        this.startedAt = startedAt;
        this.state = RunState.RUNNING;
    }

    /** Marks the run finished, with the students whose submissions were skipped and why. */
    public void finished(List<String> skippedStudents, LocalDateTime at) {
        this.state = RunState.FINISHED;
        this.skipped = String.join("\n", skippedStudents);
        this.finishedAt = at;
    }

    /** Marks the run failed, with why. */
    public void failed(String why, LocalDateTime at) {
        this.state = RunState.FAILED;
        this.error = why;
        this.finishedAt = at;
    }

    /** @return the id */
    public String getId() {
        return id;
    }

    /** @return the course's code */
    public String getCourseCode() {
        return courseCode;
    }

    /** @return the lab */
    public String getLabId() {
        return labId;
    }

    /** @return who started it */
    public String getStartedBy() {
        return startedBy;
    }

    /** @return where it stands */
    public RunState getState() {
        return state;
    }

    /** @return when it started (UTC) */
    public LocalDateTime getStartedAt() {
        return startedAt;
    }

    /** @return when it finished or failed (UTC); null while it runs */
    public LocalDateTime getFinishedAt() {
        return finishedAt;
    }

    /** @return how many submissions it was given */
    public int getCompared() {
        return compared;
    }

    /** @return the skipped students, each with why */
    public List<String> getSkipped() {
        return skipped == null || skipped.isEmpty() ? List.of() : List.of(skipped.split("\n"));
    }

    /** @return why it failed; null unless it did */
    public String getError() {
        return error;
    }
}
