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
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.nnlab.platform.web.Pages;

/**
 * {@code /account}: the signed-in user's account, where they change their password. A wrong current password counts
 * as a failed login of the account, and a right one as a successful login ({@link LoginThrottle}), so that a stolen
 * session cannot guess the password faster than the login page allows; while the account is locked, a change is
 * refused with 429 and the time to wait.
 */
@WebServlet("/account")
@ServletSecurity(@HttpConstraint(rolesAllowed = {Role.STUDENT, Role.INSTRUCTOR}))
public class AccountServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient Pages pages;

    @Inject
    transient Accounts accounts;

    @Inject
    transient LoginThrottle throttle;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        show(request, response, null, "changed".equals(request.getParameter("password")));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String username = request.getRemoteUser();
        Optional<Duration> locked = throttle.lockedFor(username, request.getRemoteAddr());
        if (locked.isPresent()) {
            show(request, response, Lockout.refuse(response, locked.get(), "attempts"), false);
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
            show(request, response, change.refusal().get(), false);
            return;
        }
        response.sendRedirect(request.getContextPath() + "/account?password=changed");
    }

    private void show(HttpServletRequest request, HttpServletResponse response, String error, boolean changed)
            throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("error", error);
        model.put("changed", changed);
        model.put("minLength", Accounts.MIN_LENGTH);
        model.put("maxLength", Accounts.MAX_LENGTH);
        pages.render(request, response, "account", model);
    }

    private static String text(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value;
    }
}
