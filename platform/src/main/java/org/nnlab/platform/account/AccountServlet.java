package org.nnlab.platform.account;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nnlab.platform.api.token.AccessTokens;
import org.nnlab.platform.api.token.Scope;
import org.nnlab.platform.api.token.TokenException;
import org.nnlab.platform.web.Pages;

/**
 * {@code /account}: the signed-in user's account, where they change their password and make and revoke personal
 * access tokens for the REST API ({@code /account/tokens}). A wrong current password counts
 * as a failed login of the account, and a right one as a successful login ({@link LoginThrottle}), so that a stolen
 * session cannot guess the password faster than the login page allows; while the account is locked, a change is
 * refused with 429 and the time to wait.
 */
@WebServlet({"/account", "/account/tokens"})
@ServletSecurity(@HttpConstraint(rolesAllowed = {Role.STUDENT, Role.INSTRUCTOR}))
public class AccountServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient Pages pages;

    @Inject
    transient Accounts accounts;

    @Inject
    transient LoginThrottle throttle;

    @Inject
    transient AccessTokens tokens;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("changed", "changed".equals(request.getParameter("password")));
        model.put("revoked", "revoked".equals(request.getParameter("token")));
        show(request, response, model);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/account/tokens".equals(request.getServletPath())) {
            changeTokens(request, response);
            return;
        }
        String username = request.getRemoteUser();
        Optional<Duration> locked = throttle.lockedFor(username, request.getRemoteAddr());
        if (locked.isPresent()) {
            show(request, response, Map.of("error", Lockout.refuse(response, locked.get(), "attempts")));
            return;
        }
        PasswordChange change = accounts.changePassword(username, text(request, "current"),
                text(request, "password"), text(request, "repeated"));
        if (change == PasswordChange.WRONG_CURRENT_PASSWORD) {
            throttle.failed(username, request.getRemoteAddr());
        } else {
            throttle.succeeded(username);
        }
        if (change.refusal().isPresent()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            show(request, response, Map.of("error", change.refusal().get()));
            return;
        }
        response.sendRedirect(request.getContextPath() + "/account?password=changed");
    }

    /** Makes a token (its secret shown once, on the page this answers with) or revokes one. */
    private void changeTokens(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String username = request.getRemoteUser();
        if ("revoke".equals(request.getParameter("action"))) {
            if (!tokens.revoke(username, request.getParameter("id"))) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND, "You have no such token.");
                return;
            }
            response.sendRedirect(request.getContextPath() + "/account?token=revoked");
            return;
        }
        String name = text(request, "name");
        String[] scopes = request.getParameterValues("scope");
        String days = text(request, "days").strip();
        Map<String, Object> model = new HashMap<>();
        try {
            Integer lifetime = days.isEmpty() ? null : parseDays(days);
            model.put("newToken", tokens.create(username, name, scopes == null ? List.of() : List.of(scopes),
                    lifetime));
        } catch (TokenException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.put("tokenError", e.getMessage());
            model.put("tokenName", name);
        }
        show(request, response, model);
    }

    private static Integer parseDays(String days) {
        try {
            return Integer.valueOf(days);
        } catch (NumberFormatException e) {
            throw new TokenException("The days a token lives are a whole number, or empty for until revoked.");
        }
    }

    private void show(HttpServletRequest request, HttpServletResponse response, Map<String, Object> values)
            throws IOException {
        Map<String, Object> model = new HashMap<>(values);
        model.put("minLength", Accounts.MIN_LENGTH);
        model.put("maxLength", Accounts.MAX_LENGTH);
        model.put("tokens", tokens.of(request.getRemoteUser()));
        model.put("scopes", Arrays.stream(Scope.values()).filter(scope -> !scope.instructorsOnly()
                || request.isUserInRole(Role.INSTRUCTOR)).toList());
        model.put("now", java.time.LocalDateTime.now(java.time.ZoneOffset.UTC));
        model.put("maxNameLength", AccessTokens.MAX_NAME_LENGTH);
        pages.render(request, response, "account", model);
    }

    private static String text(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value;
    }
}
