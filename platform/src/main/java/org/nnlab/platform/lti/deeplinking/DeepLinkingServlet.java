package org.nnlab.platform.lti.deeplinking;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nnlab.grader.lab.Lab;
import org.nnlab.platform.account.Role;
import org.nnlab.platform.course.Courses;
import org.nnlab.platform.course.LabAssignment;
import org.nnlab.platform.lab.LabCatalog;
import org.nnlab.platform.lti.ToolUrls;
import org.nnlab.platform.lti.key.ToolKeys;
import org.nnlab.platform.web.Pages;

/**
 * {@code /lti/deep-linking/ID}: after a deep-linking launch, the instructor chooses one of the labs the registration's
 * course assigns (GET); POST {@code lab} answers the LMS with a signed {@code LtiDeepLinkingResponse}, in a form
 * that sends itself to the LMS's return URL.
 */
@WebServlet("/lti/deep-linking/*")
@ServletSecurity(@HttpConstraint(rolesAllowed = Role.INSTRUCTOR))
public class DeepLinkingServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient Pages pages;

    @Inject
    transient DeepLinkingRequests requests;

    @Inject
    transient Courses courses;

    @Inject
    transient LabCatalog catalog;

    @Inject
    transient ToolKeys keys;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<DeepLinkingRequest> linking = linking(request, response);
        if (linking.isPresent()) {
            show(request, response, linking.get(), null);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<DeepLinkingRequest> linking = linking(request, response);
        if (linking.isEmpty()) {
            return;
        }
        String labId = String.valueOf(request.getParameter("lab"));
        Optional<Lab> lab = labs(linking.get()).stream().filter(l -> l.id().equals(labId)).findFirst();
        if (lab.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            show(request, response, linking.get(), "Choose one of the labs the course assigns.");
            return;
        }
        DeepLinkingRequest answered = linking.get();
        String jwt = keys.sign(new DeepLinkingResponse(answered.getRegistration().getClientId(),
                answered.getRegistration().getIssuer(), answered.getDeploymentId(), answered.getData(),
                lab.get().id(), lab.get().title(), ToolUrls.of(request).lab(lab.get().id()), lab.get().maxScore())
                .claims(Instant.now()));
        requests.answered(answered);
        pages.render(request, response, "lti-deep-linking-return", Map.of("returnUrl", answered.getReturnUrl(),
                "jwt", jwt, "title", lab.get().title()));
    }

    private Optional<DeepLinkingRequest> linking(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String id = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        Optional<DeepLinkingRequest> linking = requests.of(id, request.getRemoteUser());
        if (linking.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            pages.render(request, response, "lti-error", Map.of("message", "This content selection is unknown or "
                    + "expired: start it again from the LMS."));
        }
        return linking;
    }

    private List<Lab> labs(DeepLinkingRequest linking) {
        return courses.assignments(linking.getRegistration().getCourse()).stream().map(LabAssignment::getLabId)
                .map(catalog::lab).flatMap(Optional::stream).toList();
    }

    private void show(HttpServletRequest request, HttpServletResponse response, DeepLinkingRequest linking,
                      String error) throws IOException {
        Map<String, Object> model = new java.util.HashMap<>(Map.of("labs", labs(linking), "id", linking.getId(),
                "course", linking.getRegistration().getCourse()));
        if (error != null) {
            model.put("error", error);
        }
        pages.render(request, response, "lti-deep-linking", model);
    }
}
