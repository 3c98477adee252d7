package org.nnlab.platform.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Set;
import org.nnlab.platform.api.token.BearerAuthentication;

/**
 * The platform's authentication mechanism. A login ({@link LoginServlet} passes the user name and password) is
 * validated by the identity store against the accounts table, and the caller's name and roles are kept in the
 * session; every later request of that session gives the container both, the name and the roles. Jakarta Security's
 * form mechanisms give it only the name again and let the container find the roles, which under concurrent requests
 * sometimes found none and answered 403 to logged-in students (Payara issue 6145). A session that logged out (on
 * any platform instance: {@link EndedSessions}) is logged in no more. A protected page asked for without a login
 * redirects to the login page, which continues to that page afterwards. Requests to the REST API are authenticated
 * by their token alone ({@link BearerAuthentication}).
 */
@ApplicationScoped
public class LoginMechanism implements HttpAuthenticationMechanism {
    /** The session attribute holding the logged-in caller. */
    static final String CALLER = "nnlab.caller";
    /** The session attribute holding the page asked for before the login. */
    static final String CONTINUE = "nnlab.continue";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    EndedSessions endedSessions;

    @Inject
    BearerAuthentication bearer;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (BearerAuthentication.isApiRequest(request)) {
            return bearer.authenticate(request).map(caller -> context.notifyContainerAboutLogin(caller.username(),
                    caller.roles())).orElseGet(context::doNothing);
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && credential != null) {
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            SessionCaller caller = new SessionCaller(result.getCallerPrincipal().getName(),
                    Set.copyOf(result.getCallerGroups()));
            request.getSession().setAttribute(CALLER, caller);
            return context.notifyContainerAboutLogin(caller.name(), caller.roles());
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(CALLER) instanceof SessionCaller caller) {
            if (!endedSessions.ended(session.getId())) {
                return context.notifyContainerAboutLogin(caller.name(), caller.roles());
            }
            session.invalidate(); // another instance's stale copy of a session that logged out there
        }
        if (context.isProtected()) {
            if ("GET".equals(request.getMethod())) {
                String query = request.getQueryString();
                request.getSession().setAttribute(CONTINUE,
                        request.getRequestURI() + (query == null ? "" : "?" + query));
            }
            return context.redirect(request.getContextPath() + "/login");
        }
        return context.doNothing();
    }

    /**
     * Logs a user in whom another party vouched for (an LTI launch): the session gets a new id and keeps the caller,
     * whom every later request of the session is then logged in as.
     *
     * @param username the account's user name
     * @param role     the account's role
     */
    public static void logIn(HttpServletRequest request, String username, String role) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        request.getSession().setAttribute(CALLER, new SessionCaller(username, Set.of(role)));
    }

    /**
     * @param session the session that just logged in
     * @return the page asked for before the login (taken out of the session), or null
     */
    static String takeContinuation(HttpSession session) {
        Object page = session.getAttribute(CONTINUE);
        session.removeAttribute(CONTINUE);
        return page instanceof String path ? path : null;
    }
}
