package org.nnlab.platform.teaching;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nnlab.grader.lab.Lab;
import org.nnlab.platform.account.Role;
import org.nnlab.platform.course.Course;
import org.nnlab.platform.course.Courses;
import org.nnlab.platform.course.LabAssignment;
import org.nnlab.platform.lab.LabCatalog;
import org.nnlab.platform.submission.SubmissionRecord;
import org.nnlab.platform.submission.Submissions;
import org.nnlab.platform.web.Pages;

/**
 * {@code /teach/courses/CODE}: a course as its instructor runs it. Under it: {@code gradebook.csv};
 * {@code labs/LAB} (the lab's submissions, filtered by {@code student} and {@code status}); POST
 * {@code labs/LAB/release} ({@code released=true|false}) and {@code labs/LAB/regrade} (grade every submission
 * again). A course the user does not teach does not exist for them (404); students get 403.
 */
@WebServlet("/teach/courses/*")
@ServletSecurity(@HttpConstraint(rolesAllowed = Role.INSTRUCTOR))
public class CourseServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient Pages pages;

    @Inject
    transient Courses courses;

    @Inject
    transient LabCatalog catalog;

    @Inject
    transient Submissions submissions;

    @Inject
    transient CourseGrades grades;

    /** What a request under {@code /teach/courses/} names: a course, maybe a lab, maybe an action. */
    private record Target(Course course, Optional<LabAssignment> assignment, Optional<Lab> lab, String action) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Target> found = target(request);
        if (found.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such course or lab among those you teach.");
            return;
        }
        Target target = found.get();
        if (target.action().equals("gradebook.csv") && target.lab().isEmpty()) {
            response.setContentType("text/csv;charset=UTF-8");
            response.setHeader("Content-Disposition", "attachment; filename=\"" + target.course().getCode()
                    + "-gradebook.csv\"");
            grades.gradebook(target.course()).writeCsv(response.getWriter());
        } else if (target.action().isEmpty() && target.lab().isPresent()) {
            showLab(request, response, target);
        } else if (target.action().isEmpty()) {
            showCourse(request, response, target.course());
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such page.");
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Target> found = target(request);
        if (found.isEmpty() || found.get().lab().isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such course or lab among those you teach.");
            return;
        }
        Target target = found.get();
        Lab lab = target.lab().get();
        String notice;
        switch (target.action()) {
            case "release" -> {
                boolean released = "true".equals(request.getParameter("released"));
                courses.release(target.assignment().orElseThrow(), released);
                notice = released ? "Results released to students." : "Results withdrawn from students.";
            }
            case "regrade" -> {
                int queued = 0;
                for (SubmissionRow row : grades.submissions(target.course(), lab, "", "")) {
                    if (submissions.regrade(row.submission().getId(), lab, request.getRemoteUser())) {
                        queued++;
                    }
                }
                notice = queued + " submission(s) queued to be graded again with lab version " + lab.version() + ".";
            }
            default -> {
                response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such action.");
                return;
            }
        }
        request.getSession().setAttribute("notice", notice);
        response.sendRedirect(request.getContextPath() + "/teach/courses/" + target.course().getCode() + "/labs/"
                + lab.id());
    }

    private void showCourse(HttpServletRequest request, HttpServletResponse response, Course course)
            throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("course", course);
        model.put("assignments", courses.assignments(course));
        model.put("titles", titles(courses.assignments(course)));
        model.put("gradebook", grades.gradebook(course));
        pages.render(request, response, "teach-course", model);
    }

    private void showLab(HttpServletRequest request, HttpServletResponse response, Target target) throws IOException {
        String student = text(request.getParameter("student"));
        String status = text(request.getParameter("status"));
        Lab lab = target.lab().get();
        Map<String, Object> model = new HashMap<>();
        model.put("course", target.course());
        model.put("assignment", target.assignment().get());
        model.put("lab", lab);
        List<SubmissionRow> rows = grades.submissions(target.course(), lab, student, status);
        model.put("rows", rows);
        model.put("student", student);
        model.put("status", status);
        model.put("students", courses.students(target.course()));
        model.put("waiting", rows.stream().map(SubmissionRow::submission).map(SubmissionRecord::getStatus)
                .filter(s -> s.name().equals("QUEUED") || s.name().equals("GRADING")).count());
        Object notice = request.getSession().getAttribute("notice");
        request.getSession().removeAttribute("notice");
        model.put("notice", notice);
        pages.render(request, response, "teach-lab", model);
    }

    private Map<String, String> titles(List<LabAssignment> assignments) {
        Map<String, String> titles = new HashMap<>();
        assignments.forEach(a -> titles.put(a.getLabId(), catalog.lab(a.getLabId()).map(Lab::title)
                .orElse(a.getLabId() + " (no longer in the catalog)")));
        return titles;
    }

    /** Parses CODE[/gradebook.csv] or CODE/labs/LAB[/ACTION], keeping only what the user teaches. */
    private Optional<Target> target(HttpServletRequest request) {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String[] parts = path.replaceFirst("^/", "").split("/");
        if (parts.length == 0 || parts[0].isEmpty()) {
            return Optional.empty();
        }
        Optional<Course> course = courses.taughtBy(request.getRemoteUser(), parts[0]);
        if (course.isEmpty()) {
            return Optional.empty();
        }
        if (parts.length <= 2 && !(parts.length == 2 && parts[1].equals("labs"))) {
            return Optional.of(new Target(course.get(), Optional.empty(), Optional.empty(),
                    parts.length == 2 ? parts[1] : ""));
        }
        if (parts.length < 3 || parts.length > 4 || !parts[1].equals("labs")) {
            return Optional.empty();
        }
        Optional<LabAssignment> assignment = courses.assignment(course.get(), parts[2]);
        Optional<Lab> lab = assignment.flatMap(a -> catalog.lab(a.getLabId()));
        if (lab.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Target(course.get(), assignment, lab, parts.length == 4 ? parts[3] : ""));
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
