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
import java.util.Map;
import org.nnlab.platform.web.Pages;

/**
 * The login page (GET) and the login itself (POST): the credentials go to Jakarta Security, which checks them
 * against the accounts table and then continues to the page first asked for, or the home page.
 */
@WebServlet("/login")
public class LoginServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient Pages pages;

    @Inject
    transient SecurityContext security;

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
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(username, new Password(value(request.getParameter(
                        "password"))))).newAuthentication(true));
        switch (status) {
            case SEND_CONTINUE -> {
                // the container redirects to the page first asked for
            }
            case SUCCESS -> response.sendRedirect(request.getContextPath() + "/");
            default -> {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                pages.render(request, response, "login", Map.of("failed", true, "username", username));
            }
        }
    }

    private static String value(String parameter) {
        return parameter == null ? "" : parameter;
    }
}
