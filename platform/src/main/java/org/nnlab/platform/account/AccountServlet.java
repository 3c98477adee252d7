package org.nnlab.platform.account;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.nnlab.platform.web.Pages;

/** {@code /account}: the signed-in user's account, where they change their password. */
@WebServlet("/account")
@ServletSecurity(@HttpConstraint(rolesAllowed = {Role.STUDENT, Role.INSTRUCTOR}))
public class AccountServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient Pages pages;

    @Inject
    transient Accounts accounts;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        show(request, response, null, "changed".equals(request.getParameter("password")));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> refused = accounts.changePassword(request.getRemoteUser(), text(request, "current"),
                text(request, "password"), text(request, "repeated"));
        if (refused.isPresent()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            show(request, response, refused.get(), false);
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
