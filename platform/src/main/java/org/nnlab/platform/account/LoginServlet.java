package org.nnlab.platform.account;

import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.nnlab.platform.web.Pages;

/**
 * The login page (GET) and the login itself (POST): the credentials go to Jakarta Security ({@link LoginMechanism}),
 * which checks them against the accounts table; then the student continues to the page first asked for, or the home
 * page. Guessing is throttled ({@link LoginThrottle}: 429 with the time to wait), and the session gets a new id at
 * each login.
 */
@WebServlet("/login")
public class LoginServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient Pages pages;

    @Inject
    transient SecurityContext security;

    @Inject
    transient LoginThrottle throttle;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getRemoteUser() != null) {
            response.sendRedirect(request.getContextPath() + "/");
            return;
        }
        pages.render(request, response, "login", Map.of("failed", request.getParameter("error") != null,
                "username", ""));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String username = value(request.getParameter("username"));
        Optional<Duration> locked = throttle.lockedFor(username, request.getRemoteAddr());
        if (locked.isPresent()) {
            pages.render(request, response, "login", Map.of("failed", false, "username", username, "locked",
                    Lockout.refuse(response, locked.get(), "logins")));
            return;
        }
        if (request.getSession(false) != null) {
            request.changeSessionId(); // a session id fixed by someone else before the login is worth nothing after
        }
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(username, new Password(value(request.getParameter(
                        "password"))))).newAuthentication(true));
        switch (status) {
            case SUCCESS -> {
                throttle.succeeded(username);
                String page = LoginMechanism.takeContinuation(request.getSession());
                response.sendRedirect(page != null ? page : request.getContextPath() + "/");
            }
            default -> {
                throttle.failed(username, request.getRemoteAddr());
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                pages.render(request, response, "login", Map.of("failed", true, "username", username));
            }
        }
    }

    private static String value(String parameter) {
        return parameter == null ? "" : parameter;
    }
}
