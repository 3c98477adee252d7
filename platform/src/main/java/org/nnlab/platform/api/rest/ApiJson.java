package org.nnlab.platform.api.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/** JSON in and out of the API, with Jackson as the web pages' status JSON (NaN as a string). */
final class ApiJson {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .build();

    private ApiJson() {
    }

    /** @return a response with the body as JSON */
    static Response.ResponseBuilder ok(int status, Object body) {
        try {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .header("Cache-Control", "no-store").entity(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** @return a time of the platform's clock (UTC) in ISO 8601, or null */
    static String utc(java.time.LocalDateTime time) {
        return time == null ? null : time.atOffset(java.time.ZoneOffset.UTC).toString();
    }

    /** @return the refusal as a response */
    static Response refusal(ApiException refusal) {
        Response.ResponseBuilder response = ok(refusal.status(), new ApiError(refusal.error(),
                refusal.getMessage()));
        Duration wait = refusal.retryAfter();
        if (wait != null) {
            response.header("Retry-After", Math.max(1, (wait.toMillis() + 999) / 1000));
        }
        return response.build();
    }

    /**
     * @return the request body read as {@code type}
     * @throws ApiException 400 when it is not JSON of that shape, saying where
     */
    static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new ApiException(400, "bad_request", "The request has no body: send JSON.");
        }
        try {
            return JSON.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "bad_request", "The body is not the JSON this takes: "
                    + e.getOriginalMessage());
        }
    }
}
