package org.nnlab.platform.teaching;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.nnlab.grader.lab.Lab;
import org.nnlab.grader.submission.SubmissionException;
import org.nnlab.platform.account.Role;
import org.nnlab.platform.course.Courses;
import org.nnlab.platform.lab.LabCatalog;
import org.nnlab.platform.submission.SubmissionRecord;
import org.nnlab.platform.submission.Submissions;

/**
 * POST {@code /teach/submissions/ID/override} ({@code check}, {@code points}, {@code comment}): an instructor scores
 * one check by hand; POST {@code /teach/submissions/ID/regrade}: grade it again with the lab as it is now, keeping
 * the old result. Only for instructors of the author's course (404 for others, 403 for students).
 */
@WebServlet("/teach/submissions/*")
@ServletSecurity(@HttpConstraint(rolesAllowed = Role.INSTRUCTOR))
public class SubmissionGradingServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final int MAX_COMMENT = 4000;

    @Inject
    transient Submissions submissions;

    @Inject
    transient Courses courses;

    @Inject
    transient LabCatalog catalog;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = (request.getPathInfo() == null ? "" : request.getPathInfo()).replaceFirst("^/", "")
                .split("/");
        String user = request.getRemoteUser();
        Optional<SubmissionRecord> found = parts.length != 2 ? Optional.empty() : submissions.visibleTo(parts[0],
                user, s -> courses.teaches(user, s.getAuthor().getUsername(), s.getLabId()))
                .filter(s -> !s.getAuthor().getUsername().equals(user));
        Optional<Lab> lab = found.flatMap(s -> catalog.lab(s.getLabId()));
        if (found.isEmpty() || lab.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such submission among your students'.");
            return;
        }
        String id = found.get().getId();
        switch (parts[1]) {
            case "regrade" -> submissions.regrade(id, lab.get(), user);
            case "override" -> {
                try {
                    String comment = text(request.getParameter("comment"));
                    if (comment.length() > MAX_COMMENT) {
                        throw new SubmissionException("The comment has " + comment.length() + " characters; at most "
                                + MAX_COMMENT + ".");
                    }
                    submissions.override(id, text(request.getParameter("check")), points(request), comment, user);
                } catch (SubmissionException e) {
                    response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
                    return;
                }
            }
            default -> {
                response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such action.");
                return;
            }
        }
        response.sendRedirect(request.getContextPath() + "/submissions/" + id);
    }

    private static double points(HttpServletRequest request) {
        try {
            return Double.parseDouble(text(request.getParameter("points")));
        } catch (NumberFormatException e) {
            throw new SubmissionException("Points must be a number, such as 7.5.");
        }
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
