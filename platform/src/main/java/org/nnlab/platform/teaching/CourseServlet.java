package org.nnlab.platform.teaching;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nnlab.grader.lab.Lab;
import org.nnlab.platform.account.Accounts;
import org.nnlab.platform.account.Role;
import org.nnlab.platform.account.UserAccount;
import org.nnlab.platform.course.Course;
import org.nnlab.platform.course.Courses;
import org.nnlab.platform.course.LabAssignment;
import org.nnlab.platform.course.LatePolicy;
import org.nnlab.platform.lab.LabCatalog;
import org.nnlab.platform.submission.SubmissionRecord;
import org.nnlab.platform.submission.Submissions;
import org.nnlab.platform.web.InputException;
import org.nnlab.platform.web.Notice;
import org.nnlab.platform.web.Pages;

/**
 * {@code /teach/courses/CODE}: a course as its instructor runs it. POST {@code /teach/courses} creates one
 * ({@code code}, {@code title}). Under a course: {@code gradebook.csv}; POST {@code students} (one:
 * {@code username}, {@code name}), {@code students.csv} (a file) and {@code assign} (a lab's dates and late policy);
 * {@code unenrol} and {@code password} (take a student out, or give them a new password: {@code username});
 * {@code labs/LAB} (the lab's submissions, filtered by {@code student} and {@code status}); POST
 * {@code labs/LAB/release} ({@code released=true|false}) and {@code labs/LAB/regrade} (grade every submission
 * again; GET it for that regrade's progress as JSON). A course the user does not teach does not exist for them
 * (404); students get 403. Bad input is shown again with its reason and what was typed.
 */
@WebServlet("/teach/courses/*")
@MultipartConfig(maxFileSize = 1024 * 1024, maxRequestSize = 2 * 1024 * 1024)
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

    @Inject
    transient Enrolments enrolments;

    @Inject
    transient Accounts accounts;

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
        } else if (target.action().equals("regrade") && target.lab().isPresent()) {
            RegradeProgress progress = grades.regradeProgress(target.assignment().orElseThrow(),
                    grades.all(target.course(), target.lab().get().id()));
            response.setContentType("application/json;charset=UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.getWriter().printf(java.util.Locale.ROOT, "{\"total\":%d,\"done\":%d,\"finished\":%b}",
                    progress.total(), progress.done(), progress.finished());
        } else if (target.action().isEmpty()) {
            showCourse(request, response, target.course());
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such page.");
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (path.isEmpty() || path.equals("/")) {
            createCourse(request, response);
            return;
        }
        Optional<Target> found = target(request);
        if (found.isPresent() && found.get().lab().isEmpty()) {
            courseAction(request, response, found.get());
            return;
        }
        if (found.isEmpty()) {
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
                for (SubmissionRecord submission : grades.all(target.course(), lab.id())) {
                    if (submissions.regrade(submission.getId(), lab, request.getRemoteUser())) {
                        queued++;
                    }
                }
                courses.regradeStarted(target.assignment().orElseThrow(), queued);
                notice = queued + " submission(s) queued to be graded again with lab version " + lab.version() + ".";
            }
            default -> {
                response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such action.");
                return;
            }
        }
        Notice.set(request, notice);
        response.sendRedirect(request.getContextPath() + "/teach/courses/" + target.course().getCode() + "/labs/"
                + lab.id());
    }

    private void createCourse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String code = text(request.getParameter("code"));
        try {
            courses.create(code, text(request.getParameter("title")),
                    accounts.byUsername(request.getRemoteUser()).orElseThrow());
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            pages.render(request, response, "teach", Map.of("courses", courses.taughtBy(request.getRemoteUser()),
                    "problems", catalog.problems(), "error", e.getMessage(), "code", code, "title",
                    text(request.getParameter("title"))));
            return;
        }
        response.sendRedirect(request.getContextPath() + "/teach/courses/" + code);
    }

    /**
     * students (one), students.csv (a file), unenrol and password (a student's, by {@code username}) and assign (a
     * lab's dates and late policy).
     */
    private void courseAction(HttpServletRequest request, HttpServletResponse response, Target target)
            throws IOException, ServletException {
        Course course = target.course();
        String notice;
        try {
            switch (target.action()) {
                case "students" -> notice = enrolled(enrolments.enrol(course, List.of(new Enrolments.Student(
                        text(request.getParameter("username")), text(request.getParameter("name"))))));
                case "students.csv" -> {
                    Part file = request.getPart("file");
                    if (file == null || file.getSize() == 0) {
                        throw new InputException("Choose a CSV file of username,name lines.");
                    }
                    try (var reader = new java.io.InputStreamReader(file.getInputStream(),
                            java.nio.charset.StandardCharsets.UTF_8)) {
                        notice = enrolled(enrolments.enrol(course, enrolments.read(reader)));
                    }
                }
                case "assign" -> {
                    String labId = text(request.getParameter("lab"));
                    if (catalog.latest(labId).isEmpty()) {
                        throw new InputException("There is no lab '" + labId + "' in the catalog.");
                    }
                    LatePolicy policy = "penalty".equals(request.getParameter("latePolicy")) ? LatePolicy.PENALTY
                            : LatePolicy.REFUSE;
                    courses.assign(course, labId, dateTime(request, "opensAt"), dateTime(request, "deadline"),
                            policy, policy == LatePolicy.PENALTY ? number(request, "penaltyPerDay") : 0);
                    notice = "The lab " + labId + " is assigned with these dates.";
                }
                case "unenrol" -> {
                    UserAccount student = student(course, request);
                    courses.unenroll(course, student);
                    notice = student.getUsername() + " is no longer enrolled. Their submissions are kept, and "
                            + "count again if you enrol them again.";
                }
                case "password" -> {
                    UserAccount student = student(course, request);
                    notice = "New password of " + student.getUsername() + " (shown only now; they change it on "
                            + "their account page): " + accounts.resetPassword(student) + ".";
                }
                default -> {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such action.");
                    return;
                }
            }
        } catch (InputException | IllegalArgumentException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            Map<String, Object> model = courseModel(course);
            model.put("error", e.getMessage());
            model.put("form", formValues(request));
            pages.render(request, response, "teach-course", model);
            return;
        }
        Notice.set(request, notice);
        response.sendRedirect(request.getContextPath() + "/teach/courses/" + course.getCode());
    }

    /** @return the student the form names, who must be enrolled in the course */
    private UserAccount student(Course course, HttpServletRequest request) {
        String username = text(request.getParameter("username"));
        return courses.students(course).stream().filter(s -> s.getUsername().equals(username)).findFirst()
                .orElseThrow(() -> new InputException("'" + username + "' is not a student of " + course.getCode()
                        + "."));
    }

    private static String enrolled(List<Enrolments.Enrolled> enrolled) {
        StringBuilder notice = new StringBuilder(enrolled.size() + " student(s) enrolled.");
        List<String> created = enrolled.stream().filter(e -> e.password() != null)
                .map(e -> e.username() + " / " + e.password()).toList();
        if (!created.isEmpty()) {
            notice.append(" New accounts (passwords shown only now; students change them on their account page): ")
                    .append(String.join(", ", created)).append('.');
        }
        return notice.toString();
    }

    private static java.time.LocalDateTime dateTime(HttpServletRequest request, String name) {
        try {
            return java.time.LocalDateTime.parse(text(request.getParameter(name)));
        } catch (java.time.format.DateTimeParseException e) {
            throw new InputException("The " + name + " field needs a date and time such as 2026-12-01T23:59.");
        }
    }

    private static double number(HttpServletRequest request, String name) {
        try {
            return Double.parseDouble(text(request.getParameter(name)));
        } catch (NumberFormatException e) {
            throw new InputException("The " + name + " field needs a number, such as 10.");
        }
    }

    private static Map<String, String> formValues(HttpServletRequest request) {
        Map<String, String> values = new HashMap<>();
        for (String name : List.of("username", "name", "lab", "opensAt", "deadline", "latePolicy", "penaltyPerDay")) {
            values.put(name, text(request.getParameter(name)));
        }
        return values;
    }

    private void showCourse(HttpServletRequest request, HttpServletResponse response, Course course)
            throws IOException {
        Map<String, Object> model = courseModel(course);
        String notice = Notice.take(request);
        model.put("notice", notice);
        model.put("form", Map.of());
        pages.render(request, response, "teach-course", model);
    }

    private Map<String, Object> courseModel(Course course) {
        Map<String, Object> model = new HashMap<>();
        model.put("course", course);
        model.put("assignments", courses.assignments(course));
        model.put("titles", titles(courses.assignments(course)));
        model.put("gradebook", grades.gradebook(course));
        model.put("students", courses.students(course));
        model.put("labs", catalog.latest());
        return model;
    }

    private void showLab(HttpServletRequest request, HttpServletResponse response, Target target) throws IOException {
        String student = text(request.getParameter("student"));
        String status = text(request.getParameter("status"));
        Lab lab = target.lab().get();
        Map<String, Object> model = new HashMap<>();
        model.put("course", target.course());
        model.put("assignment", target.assignment().get());
        model.put("lab", lab);
        List<SubmissionRecord> all = grades.all(target.course(), lab.id());
        List<SubmissionRow> rows = grades.submissions(all, lab, student, status);
        model.put("rows", rows);
        model.put("student", student);
        model.put("status", status);
        model.put("students", courses.students(target.course()));
        model.put("regrade", grades.regradeProgress(target.assignment().get(), all));
        model.put("waiting", rows.stream().map(SubmissionRow::submission).map(SubmissionRecord::getStatus)
                .filter(s -> s.name().equals("QUEUED") || s.name().equals("GRADING")).count());
        String notice = Notice.take(request);
        model.put("notice", notice);
        pages.render(request, response, "teach-lab", model);
    }

    private Map<String, String> titles(List<LabAssignment> assignments) {
        Map<String, String> titles = new HashMap<>();
        assignments.forEach(a -> titles.put(a.getLabId(), catalog.latest(a.getLabId()).map(Lab::title)
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
            // CODE, CODE/gradebook.csv, CODE/students, CODE/students.csv, CODE/assign
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
