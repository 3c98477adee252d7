package org.nnlab.platform.api.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Authenticates requests to {@code /api/} by their {@code Authorization: Bearer} token, and only by it: a session
 * cookie does not reach the API, so that no other site can make a logged-in browser call it. A request without a
 * token, or with one that does not work, goes on unauthenticated with the reason as {@link TokenCaller#REFUSAL}; the
 * API answers it with 401.
 */
@ApplicationScoped
public class BearerAuthentication {
    private static final String SCHEME = "Bearer ";

    @Inject
    AccessTokens tokens;

    /** @return whether the request is one of the API's */
    public static boolean isApiRequest(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri != null && uri.startsWith(request.getContextPath() + "/api/");
    }

    /** @return the caller the request's token authenticates, kept as the request's {@link TokenCaller#ATTRIBUTE} */
    public Optional<TokenCaller> authenticate(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            request.setAttribute(TokenCaller.REFUSAL, "This API takes a personal access token (make one on your "
                    + "account page) as 'Authorization: Bearer nnlab_...'.");
            return Optional.empty();
        }
        Optional<TokenCaller> caller = tokens.authenticate(header.substring(SCHEME.length()).strip());
        caller.ifPresentOrElse(c -> request.setAttribute(TokenCaller.ATTRIBUTE, c),
                () -> request.setAttribute(TokenCaller.REFUSAL, "The token is unknown, revoked or expired."));
        return caller;
    }
}
