package org.nnlab.platform.teaching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.nnlab.grader.lab.Lab;
import org.nnlab.grader.result.CheckResult;
import org.nnlab.grader.result.GradingResult;
import org.nnlab.platform.account.UserAccount;
import org.nnlab.platform.course.Course;
import org.nnlab.platform.course.Courses;
import org.nnlab.platform.course.LabAssignment;
import org.nnlab.platform.lab.LabCatalog;
import org.nnlab.platform.submission.CheckOverride;
import org.nnlab.platform.submission.SubmissionHistory;
import org.nnlab.platform.submission.SubmissionRecord;
import org.nnlab.platform.submission.SubmissionStatus;
import org.nnlab.platform.submission.Submissions;

/** Reads a course's submissions as its instructor sees them: per lab, per check, and as a gradebook. */
@ApplicationScoped
public class CourseGrades {
    @Inject
    Courses courses;

    @Inject
    Submissions submissions;

    @Inject
    LabCatalog catalog;

    /**
     * @param all     the course's submissions to the lab, as {@link #all} gives them
     * @param student a user name to keep, or empty for all
     * @param status  a status to keep (e.g. {@code GRADED}), or empty for all
     * @return the rows of those submissions, newest first, with each check's points
     */
    public List<SubmissionRow> submissions(List<SubmissionRecord> all, Lab lab, String student, String status) {
        Set<String> counting = all.stream().collect(Collectors.groupingBy(s -> s.getAuthor().getUsername()))
                .values().stream().map(mine -> new SubmissionHistory(mine, lab.submissions(), true).counting())
                .flatMap(Optional::stream).map(SubmissionRecord::getId).collect(Collectors.toSet());
        Map<String, Map<String, CheckOverride>> allOverrides = submissions.overrides(all.stream()
                .map(SubmissionRecord::getId).toList());
        List<SubmissionRow> rows = new ArrayList<>();
        for (SubmissionRecord record : all) {
            if (!student.isEmpty() && !record.getAuthor().getUsername().equals(student)
                    || !status.isEmpty() && !record.getStatus().name().equalsIgnoreCase(status)) {
                continue;
            }
            Map<String, CheckOverride> overrides = allOverrides.getOrDefault(record.getId(), Map.of());
            Map<String, Double> points = new LinkedHashMap<>();
            for (CheckResult check : record.result().map(GradingResult::checks).orElse(List.of())) {
                points.put(check.id(), overrides.containsKey(check.id()) ? overrides.get(check.id()).getPoints()
                        : check.points());
            }
            rows.add(new SubmissionRow(record, points, overrides.keySet(), counting.contains(record.getId())));
        }
        return rows;
    }

    /** @return the submissions of the course's students to a lab, newest first */
    public List<SubmissionRecord> all(Course course, String labId) {
        return submissions.ofLab(labId, courses.students(course).stream().map(UserAccount::getUsername).toList());
    }

    /**
     * @param all the course's submissions to the assignment's lab, as {@link #all} gives them
     * @return how far the assignment's last regrade has come: those it queued that are no longer waiting to be
     *     graded are done
     */
    public RegradeProgress regradeProgress(LabAssignment assignment, List<SubmissionRecord> all) {
        LocalDateTime started = assignment.getRegradeStartedAt();
        if (started == null) {
            return new RegradeProgress(null, 0, 0);
        }
        long waiting = all.stream()
                .filter(s -> !s.getSubmittedAt().isAfter(started))
                .filter(s -> s.getStatus() == SubmissionStatus.QUEUED || s.getStatus() == SubmissionStatus.GRADING)
                .count();
        int total = assignment.getRegradeCount();
        return new RegradeProgress(started, total, (int) Math.max(0, total - waiting));
    }

    /** @return the course's gradebook, with the scores that count under each lab's policy */
    public Gradebook gradebook(Course course) {
        List<UserAccount> students = courses.students(course);
        List<String> usernames = students.stream().map(UserAccount::getUsername).toList();
        List<Gradebook.Column> columns = new ArrayList<>();
        Map<String, Map<String, Double>> scores = new HashMap<>();
        for (LabAssignment assignment : courses.assignments(course)) {
            Optional<Lab> lab = catalog.lab(assignment.getLabId());
            if (lab.isEmpty()) {
                continue;
            }
            columns.add(new Gradebook.Column(lab.get().id(), lab.get().title(), lab.get().maxScore()));
            submissions.ofLab(lab.get().id(), usernames).stream()
                    .collect(Collectors.groupingBy(s -> s.getAuthor().getUsername()))
                    .forEach((username, mine) -> {
                        Double score = new SubmissionHistory(mine, lab.get().submissions(), true).score();
                        if (score != null) {
                            scores.computeIfAbsent(username, u -> new LinkedHashMap<>()).put(lab.get().id(), score);
                        }
                    });
        }
        List<Gradebook.Row> rows = students.stream().map(s -> new Gradebook.Row(s.getUsername(), s.getDisplayName(),
                scores.getOrDefault(s.getUsername(), Map.of()))).toList();
        return new Gradebook(columns, rows);
    }
}
