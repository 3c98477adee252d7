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
import org.nnlab.platform.submission.SubmissionHistory;
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
     * @param score      the score that counts (the best or the latest graded, as the lab declares), or null
     */
    public record Row(LabAssignment assignment, String title, double maxScore, String status, Double score) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String username = request.getRemoteUser();
        List<Row> rows = new ArrayList<>();
        for (LabAssignment assignment : courses.assignmentsOf(username)) {
            catalog.lab(assignment.getLabId()).ifPresent(lab -> {
                SubmissionHistory history = submissions.history(username, lab, assignment.isResultsReleased());
                rows.add(new Row(assignment, lab.title(), lab.maxScore(), history.status(), history.score()));
            });
        }
        pages.render(request, response, "dashboard", Map.of("rows", rows));
    }
}
