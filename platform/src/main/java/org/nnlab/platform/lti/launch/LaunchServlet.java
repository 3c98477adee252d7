package org.nnlab.platform.lti.launch;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Logger;
import org.nnlab.platform.account.LoginMechanism;
import org.nnlab.platform.account.Role;
import org.nnlab.platform.account.UserAccount;
import org.nnlab.platform.course.Courses;
import org.nnlab.platform.lti.deeplinking.DeepLinkingRequest;
import org.nnlab.platform.lti.deeplinking.DeepLinkingRequests;
import org.nnlab.platform.lti.grades.GradeLinks;
import org.nnlab.platform.lti.registration.LtiRegistration;
import org.nnlab.platform.lti.registration.Registrations;
import org.nnlab.platform.web.Pages;

/**
 * {@code POST /lti/launch} ({@code id_token}, {@code state}): the LMS's launch. The state must be one this tool
 * issued and not used yet, the id token valid ({@link LaunchValidator}); then the user gets their account (made at
 * the first launch), is enrolled in the registration's course and logged in with a new session id. A resource-link
 * launch continues to its lab (and remembers the line item for the score); a deep-linking launch by an instructor
 * continues to choosing a lab. Every refusal is a page with the reason, 400 or 401.
 */
@WebServlet("/lti/launch")
public class LaunchServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(LaunchServlet.class.getName());

    @Inject
    transient LoginStates states;

    @Inject
    transient Registrations registrations;

    @Inject
    transient PlatformKeys platformKeys;

    @Inject
    transient LtiUsers users;

    @Inject
    transient Courses courses;

    @Inject
    transient GradeLinks gradeLinks;

    @Inject
    transient DeepLinkingRequests deepLinking;

    @Inject
    transient Pages pages;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            String state = request.getParameter("state");
            LoginState login = (state == null ? java.util.Optional.<LoginState>empty() : states.take(state))
                    .orElseThrow(() -> new LaunchRefused(400, "The launch's state is unknown, used already or "
                            + "expired: start the launch again from the LMS."));
            LtiRegistration registration = registrations.byId(login.getRegistrationId()).orElseThrow(() ->
                    new LaunchRefused(400, "The LMS of this launch is no longer registered."));
            LaunchClaims launch = LaunchValidator.validate(request.getParameter("id_token"), new ExpectedLaunch(
                    registration.getIssuer(), registration.getClientId(), registration.getDeploymentIds(),
                    login.getNonce()), platformKeys.of(registration.getJwksUrl()), Instant.now());
            if (launch.deepLinking() && !launch.instructor()) {
                throw new LaunchRefused(400, "Only instructors choose the labs of an LMS course.");
            }
            UserAccount account = users.admit(registration.getIssuer(), launch, registration.getCourse());
            String page = launch.deepLinking() ? chooseLab(registration, launch, account)
                    : openLab(registration, launch, account);
            LoginMechanism.logIn(request, account.getUsername(), account.getRole());
            response.sendRedirect(request.getContextPath() + page);
        } catch (LaunchRefused e) {
            LOG.info("LTI launch refused: " + e.getMessage());
            response.setStatus(e.status());
            pages.render(request, response, "lti-error", Map.of("message", e.getMessage()));
        }
    }

    private String chooseLab(LtiRegistration registration, LaunchClaims launch, UserAccount account) {
        if (!Role.INSTRUCTOR.equals(account.getRole())) {
            throw new LaunchRefused(400, "Your nnlab account " + account.getUsername() + " is a student's: only "
                    + "instructors choose the labs of an LMS course.");
        }
        if (launch.deepLinkReturn().isEmpty()) {
            throw new LaunchRefused(400, "The deep-linking launch has no deep_link_return_url.");
        }
        DeepLinkingRequest linking = deepLinking.store(registration, account.getUsername(), launch.deploymentId(),
                launch.deepLinkReturn(), launch.deepLinkData());
        return "/lti/deep-linking/" + linking.getId();
    }

    private String openLab(LtiRegistration registration, LaunchClaims launch, UserAccount account) {
        String lab = launch.labId();
        if (lab.isEmpty() || courses.assignment(registration.getCourse(), lab).isEmpty()) {
            return "/";
        }
        if (!launch.lineItem().isEmpty() && Role.STUDENT.equals(account.getRole())) {
            gradeLinks.remember(registration, account, lab, launch.subject(), launch.lineItem());
        }
        return "/labs/" + lab;
    }
}
