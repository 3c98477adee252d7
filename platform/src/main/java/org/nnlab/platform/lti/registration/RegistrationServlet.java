package org.nnlab.platform.lti.registration;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nnlab.platform.account.Role;
import org.nnlab.platform.course.Course;
import org.nnlab.platform.course.Courses;
import org.nnlab.platform.lti.ToolUrls;
import org.nnlab.platform.lti.grades.GradeLink;
import org.nnlab.platform.lti.grades.GradeLinks;
import org.nnlab.platform.web.InputException;
import org.nnlab.platform.web.Pages;

/**
 * {@code /teach/lti}: the LMSs registered for the instructor's courses, with the state of each score sent back, the
 * tool's URLs to enter in an LMS, and (POST) registering another LMS for one of the courses. Bad input is shown again
 * with its reason and what was typed; students get 403.
 */
@WebServlet("/teach/lti")
@ServletSecurity(@HttpConstraint(rolesAllowed = Role.INSTRUCTOR))
public class RegistrationServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final List<String> FIELDS = List.of("course", "issuer", "clientId", "deploymentIds", "authUrl",
            "tokenUrl", "jwksUrl");

    @Inject
    transient Pages pages;

    @Inject
    transient Courses courses;

    @Inject
    transient Registrations registrations;

    @Inject
    transient GradeLinks gradeLinks;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        show(request, response, Map.of());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> typed = new HashMap<>();
        FIELDS.forEach(f -> typed.put(f, request.getParameter(f) == null ? "" : request.getParameter(f)));
        try {
            Optional<Course> course = courses.taughtBy(request.getRemoteUser(), typed.get("course"));
            if (course.isEmpty()) {
                throw new InputException("Course: choose one of the courses you teach.");
            }
            registrations.register(course.get(), RegistrationForm.of(typed.get("course"), typed.get("issuer"),
                    typed.get("clientId"), typed.get("deploymentIds"), typed.get("authUrl"), typed.get("tokenUrl"),
                    typed.get("jwksUrl")));
            response.sendRedirect(request.getContextPath() + "/teach/lti");
        } catch (InputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            Map<String, Object> model = new HashMap<>(typed);
            model.put("error", e.getMessage());
            show(request, response, model);
        }
    }

    private void show(HttpServletRequest request, HttpServletResponse response, Map<String, ?> typed)
            throws IOException {
        List<Course> taught = courses.taughtBy(request.getRemoteUser());
        Map<LtiRegistration, List<GradeLink>> listed = new LinkedHashMap<>();
        registrations.forCourses(taught).forEach(r -> listed.put(r, gradeLinks.of(r)));
        Map<String, Object> model = new HashMap<>();
        FIELDS.forEach(f -> model.put(f, ""));
        model.putAll(typed);
        model.put("courses", taught);
        model.put("registrations", listed);
        model.put("tool", ToolUrls.of(request));
        pages.render(request, response, "teach-lti", model);
    }
}
