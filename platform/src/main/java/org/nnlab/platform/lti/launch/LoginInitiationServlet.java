package org.nnlab.platform.lti.launch;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.nnlab.platform.lti.ToolUrls;
import org.nnlab.platform.lti.registration.LtiRegistration;
import org.nnlab.platform.lti.registration.Registrations;
import org.nnlab.platform.web.Pages;

/**
 * {@code /lti/login} (GET or POST): the LMS's OIDC login initiation ({@code iss}, {@code login_hint},
 * {@code target_link_uri}, optionally {@code client_id}, {@code lti_deployment_id}, {@code lti_message_hint}). A
 * registered LMS is redirected to its authorization endpoint with a new state and nonce, kept in the database; any
 * other request gets 400 with the reason.
 */
@WebServlet("/lti/login")
public class LoginInitiationServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient Registrations registrations;

    @Inject
    transient LoginStates states;

    @Inject
    transient Pages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            LtiRegistration registration = registration(request);
            LoginState state = states.start(registration.getId());
            Map<String, String> query = new LinkedHashMap<>();
            query.put("scope", "openid");
            query.put("response_type", "id_token");
            query.put("response_mode", "form_post");
            query.put("prompt", "none");
            query.put("client_id", registration.getClientId());
            query.put("redirect_uri", ToolUrls.of(request).launch());
            query.put("login_hint", request.getParameter("login_hint"));
            if (request.getParameter("lti_message_hint") != null) {
                query.put("lti_message_hint", request.getParameter("lti_message_hint"));
            }
            query.put("state", state.getState());
            query.put("nonce", state.getNonce());
            String auth = registration.getAuthUrl();
            response.sendRedirect(auth + (auth.contains("?") ? "&" : "?") + query.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&")));
        } catch (LaunchRefused e) {
            response.setStatus(e.status());
            pages.render(request, response, "lti-error", Map.of("message", e.getMessage()));
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doGet(request, response);
    }

    private LtiRegistration registration(HttpServletRequest request) {
        String issuer = required(request, "iss");
        required(request, "login_hint");
        required(request, "target_link_uri");
        String clientId = request.getParameter("client_id");
        List<LtiRegistration> found = clientId == null || clientId.isBlank() ? registrations.byIssuer(issuer)
                : registrations.byClient(issuer, clientId).stream().toList();
        if (found.isEmpty()) {
            throw new LaunchRefused(400, "The LMS '" + issuer + "'" + (clientId == null ? "" : " with client id '"
                    + clientId + "'") + " is not registered with nnlab: an instructor registers it at Teaching → "
                    + "LTI.");
        }
        if (found.size() > 1) {
            throw new LaunchRefused(400, "The LMS '" + issuer + "' is registered with several client ids: it must "
                    + "send client_id with the login.");
        }
        String deployment = request.getParameter("lti_deployment_id");
        if (deployment != null && !found.get(0).getDeploymentIds().contains(deployment)) {
            throw new LaunchRefused(400, "The deployment id '" + deployment + "' is not registered for the LMS '"
                    + issuer + "'.");
        }
        return found.get(0);
    }

    private static String required(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            throw new LaunchRefused(400, "The LTI login lacks its parameter '" + name + "'.");
        }
        return value;
    }
}
