package org.nnlab.platform.api.rest;

import jakarta.servlet.http.HttpServletRequest;
import org.nnlab.platform.account.Role;
import org.nnlab.platform.api.token.Scope;
import org.nnlab.platform.api.token.TokenCaller;

/** The caller of a resource method, which {@link TokenFilter} let in. */
final class Callers {
    private Callers() {
    }

    /**
     * @return the caller, when its token has the scope
     * @throws ApiException 403 when it lacks it
     */
    static TokenCaller withScope(HttpServletRequest request, Scope scope) {
        TokenCaller caller = (TokenCaller) request.getAttribute(TokenCaller.ATTRIBUTE);
        if (!caller.scopes().contains(scope)) {
            throw new ApiException(403, "insufficient_scope", "This token lacks the scope " + scope.id()
                    + ": make one with it on your account page.");
        }
        return caller;
    }

    /** @return whether the caller is an instructor */
    static boolean instructor(TokenCaller caller) {
        return caller.roles().contains(Role.INSTRUCTOR);
    }
}
