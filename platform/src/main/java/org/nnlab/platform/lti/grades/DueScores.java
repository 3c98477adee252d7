package org.nnlab.platform.lti.grades;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.nnlab.grader.lab.Lab;
import org.nnlab.platform.course.Courses;
import org.nnlab.platform.course.LabAssignment;
import org.nnlab.platform.lab.LabCatalog;
import org.nnlab.platform.submission.Submissions;

/**
 * The scores an LMS lacks: for each launched lab with a line item, the score that counts as the student sees it (the
 * lab's policy; with the instructor's overrides once the results are released), where it differs from the one
 * delivered and no retry pause is running. Read in one transaction, as the passback's thread has no request.
 */
@ApplicationScoped
public class DueScores {
    @Inject
    GradeLinks links;

    @Inject
    Submissions submissions;

    @Inject
    Courses courses;

    @Inject
    LabCatalog catalog;

    /**
     * A score to deliver.
     *
     * @param link     the student's lab and line item
     * @param score    the score that counts
     * @param maxScore the lab's points
     */
    public record DueScore(GradeLink link, double score, double maxScore) {
    }

    /** @return the scores to deliver at {@code now} (UTC) */
    @Transactional
    public List<DueScore> at(LocalDateTime now) {
        List<DueScore> due = new ArrayList<>();
        for (GradeLink link : links.all()) {
            if (link.getNextAttemptAt() != null && link.getNextAttemptAt().isAfter(now)) {
                continue;
            }
            Optional<Lab> lab = catalog.lab(link.getLabId());
            Optional<LabAssignment> assignment = courses.assignment(link.getRegistration().getCourse(),
                    link.getLabId());
            if (lab.isEmpty() || assignment.isEmpty()) {
                continue;
            }
            Double score = submissions.history(link.getUser().getUsername(), lab.get(),
                    assignment.get().isResultsReleased()).score();
            if (score != null && !(link.getDelivery() == Delivery.DELIVERED
                    && Objects.equals(score, link.getDeliveredScore()))) {
                due.add(new DueScore(link, score, lab.get().maxScore()));
            }
        }
        return due;
    }
}
