package org.nnlab.platform.teaching;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.nnlab.platform.account.Role;
import org.nnlab.platform.course.Courses;
import org.nnlab.platform.grading.GraderProvider;
import org.nnlab.platform.lab.LabCatalog;
import org.nnlab.platform.web.Pages;

/**
 * {@code /teach}: the courses the instructor teaches and the labs that failed to load; {@code /teach/checks}: the
 * catalogue of check types lab files may use. Students get 403.
 */
@WebServlet({"/teach", "/teach/checks"})
@ServletSecurity(@HttpConstraint(rolesAllowed = Role.INSTRUCTOR))
public class TeachingHomeServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient Pages pages;

    @Inject
    transient Courses courses;

    @Inject
    transient LabCatalog catalog;

    @Inject
    transient GraderProvider graders;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getServletPath().equals("/teach/checks")) {
            pages.render(request, response, "teach-checks", Map.of("types", graders.checkCatalog().types()));
            return;
        }
        pages.render(request, response, "teach", Map.of("courses", courses.taughtBy(request.getRemoteUser()),
                "problems", catalog.problems()));
    }
}
