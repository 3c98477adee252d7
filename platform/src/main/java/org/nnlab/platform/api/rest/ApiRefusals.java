package org.nnlab.platform.api.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers every refusal of the API as JSON: its own, and the framework's (unknown path, wrong method or type). */
public final class ApiRefusals {
    private ApiRefusals() {
    }

    /** The API's own refusals. */
    @Provider
    public static class Own implements ExceptionMapper<ApiException> {
        @Override
        public jakarta.ws.rs.core.Response toResponse(ApiException refusal) {
            return ApiJson.refusal(refusal);
        }
    }

    /** The framework's: 404 for an unknown path, 405, 406, 415. */
    @Provider
    public static class Framework implements ExceptionMapper<WebApplicationException> {
        @Override
        public jakarta.ws.rs.core.Response toResponse(WebApplicationException refusal) {
            int status = refusal.getResponse().getStatus();
            String reason = refusal.getResponse().getStatusInfo().getReasonPhrase();
            return ApiJson.refusal(new ApiException(status, reason.toLowerCase(java.util.Locale.ROOT)
                    .replace(' ', '_'), status == 404 ? "There is no such resource in this API (see /openapi)."
                    : reason + "."));
        }
    }
}
