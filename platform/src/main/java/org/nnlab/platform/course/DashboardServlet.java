package org.nnlab.platform.course;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nnlab.platform.account.Role;
import org.nnlab.platform.lab.LabCatalog;
import org.nnlab.platform.submission.SubmissionRecord;
import org.nnlab.platform.submission.Submissions;
import org.nnlab.platform.web.Pages;

/** The home page: the labs of the user's courses, with deadline, status and points. */
@WebServlet("")
@ServletSecurity(@HttpConstraint(rolesAllowed = {Role.STUDENT, Role.INSTRUCTOR}))
public class DashboardServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient Pages pages;

    @Inject
    transient Courses courses;

    @Inject
    transient LabCatalog catalog;

    @Inject
    transient Submissions submissions;

    /**
     * One line of the dashboard.
     *
     * @param assignment the assigned lab
     * @param title      the lab's title
     * @param maxScore   its points
     * @param status     not started, queued, grading, graded or failed
     * @param score      the latest graded score, or null
     */
    public record Row(LabAssignment assignment, String title, double maxScore, String status, Double score) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String username = request.getRemoteUser();
        List<Row> rows = new ArrayList<>();
        for (LabAssignment assignment : courses.assignmentsOf(username)) {
            catalog.lab(assignment.getLabId()).ifPresent(lab -> {
                List<SubmissionRecord> mine = submissions.of(username, lab.id());
                String status = mine.isEmpty() ? "not started" : mine.get(0).getStatus().name().toLowerCase();
                Double score = mine.stream().filter(s -> s.getScore() != null).map(SubmissionRecord::getScore)
                        .findFirst().orElse(null);
                rows.add(new Row(assignment, lab.title(), lab.maxScore(), status, score));
            });
        }
        pages.render(request, response, "dashboard", Map.of("rows", rows));
    }
}
