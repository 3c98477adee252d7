package org.nnlab.platform.api.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.Optional;
import org.nnlab.platform.api.token.TokenCaller;

/**
 * Lets in only requests that a token authenticated (401 otherwise, saying why) and that are within the token's
 * limit of requests a minute (429 with Retry-After otherwise).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class TokenFilter implements ContainerRequestFilter {
    @Context
    HttpServletRequest request;

    @Inject
    ApiRateLimit limit;

    @Override
    public void filter(ContainerRequestContext context) {
        if (!(request.getAttribute(TokenCaller.ATTRIBUTE) instanceof TokenCaller caller)) {
            Object reason = request.getAttribute(TokenCaller.REFUSAL);
            boolean sent = request.getHeader("Authorization") != null;
            context.abortWith(Response.fromResponse(ApiJson.refusal(new ApiException(401, "unauthorized",
                    reason == null ? "A personal access token is needed." : reason.toString())))
                    .header("WWW-Authenticate", "Bearer realm=\"nnlab\"" + (sent ? ", error=\"invalid_token\"" : ""))
                    .build());
            return;
        }
        Optional<Duration> wait = limit.take(caller.tokenId());
        wait.ifPresent(w -> context.abortWith(ApiJson.refusal(new ApiException(429, "too_many_requests",
                "This token made " + limit.perMinute + " requests within a minute, the most it may: try again in "
                        + Math.max(1, w.toSeconds()) + " s.", w))));
    }
}
