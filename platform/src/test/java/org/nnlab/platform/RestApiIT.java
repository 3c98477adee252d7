package org.nnlab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nnlab.grader.sandbox.BubblewrapSandbox;
import org.nnlab.grader.sandbox.SandboxProbe;

/**
 * The REST API on the real platform, driven by the JDK's HTTP client: tokens made and revoked on the account page,
 * the labs listed, the lab's reference submitted, polled until graded and its result fetched, the gradebook, and
 * each refusal (no token, a revoked one, a missing scope, bad bodies, both rate limits) as JSON with its status.
 */
class RestApiIT {
    private static final String STUDENT = "student18";
    private static final String BUSY_STUDENT = "student19";
    private static final Pattern SECRET = Pattern.compile("value=\"(nnlab_[A-Za-z0-9_-]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static PayaraMicro server;

    @BeforeAll
    static void startThePlatform() throws Exception {
        SandboxProbe probe = BubblewrapSandbox.probe();
        Assumptions.assumeTrue(probe.available(), () -> "this machine cannot sandbox: " + probe.problem());
        server = SharedPlatform.server();
        Browserless student = new Browserless(server.url());
        student.login(STUDENT, SharedPlatform.PASSWORD);
        student.awaitPublished(SharedPlatform.LAB);
    }

    @AfterAll
    static void done() {
        SharedPlatform.done(RestApiIT.class);
    }

    @Test
    void aStudentListsTheLabsSubmitsTheReferenceAndFetchesItsGradedResult() throws Exception {
        String token = token(STUDENT, "labs:read", "submissions:write", "submissions:read");
        JsonNode labs = json(call("GET", "/api/v1/labs", token, null), 200);
        JsonNode lab = find(labs, SharedPlatform.LAB);
        assertEquals("DL-101", lab.get("course").asText());
        assertEquals(SharedPlatform.LIMIT, lab.get("submissionsLeft").asInt());

        Path reference = Path.of(System.getProperty("nnlab.labs"), SharedPlatform.LAB, "reference");
        String body = JSON.writeValueAsString(Map.of("files", Map.of("Solution.java",
                Files.readString(reference.resolve("Solution.java"))), "answers", Map.of("reflection",
                Files.readString(reference.resolve("answers/reflection.txt")))));
        HttpResponse<String> submitted = call("POST", "/api/v1/labs/" + SharedPlatform.LAB + "/submissions", token,
                body);
        JsonNode state = json(submitted, 201);
        String id = state.get("id").asText();
        assertEquals(server.url() + "/api/v1/submissions/" + id, submitted.headers().firstValue("Location")
                .orElseThrow());
        assertEquals(STUDENT, state.get("author").asText());

        JsonNode early = json(call("GET", "/api/v1/submissions/" + id + "/result", token, null), 409);
        assertEquals("not_graded", early.get("error").asText(), early.toString());

        long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
        while (!List.of("GRADED", "FAILED").contains(state.get("status").asText())
                && System.nanoTime() < deadline) {
            Thread.sleep(3000); // within the platform's 30 requests a minute
            state = json(call("GET", "/api/v1/submissions/" + id, token, null), 200);
        }
        assertEquals("GRADED", state.get("status").asText(), state.toString());
        assertEquals(100.0, state.get("score").asDouble(), state.toString());
        JsonNode result = json(call("GET", "/api/v1/submissions/" + id + "/result", token, null), 200);
        assertEquals(100.0, result.at("/result/score").asDouble());
        assertTrue(result.at("/result/checks").size() >= 5, result.toString());
        assertEquals(40, result.at("/result/runs/A/epochs").size(), "run A's 40 epochs");
        assertTrue(result.at("/result/runs/A/testAccuracy").isNull(), "hidden until the results are released");

        String instructor = token("instructor", "gradebook:read", "submissions:read");
        JsonNode book = json(call("GET", "/api/v1/courses/DL-101/gradebook", instructor, null), 200);
        JsonNode row = find(book.get("students"), STUDENT, "username");
        assertEquals(100.0, row.at("/scores/" + SharedPlatform.LAB).asDouble(), row.toString());
        JsonNode asInstructor = json(call("GET", "/api/v1/submissions/" + id + "/result", instructor, null), 200);
        assertFalse(asInstructor.at("/result/runs/A/testAccuracy").isNull(), "instructors see the test accuracy");
    }

    @Test
    void requestsWithoutAWorkingTokenAreRefusedWith401() throws Exception {
        HttpResponse<String> none = call("GET", "/api/v1/labs", null, null);
        assertEquals("unauthorized", json(none, 401).get("error").asText());
        assertEquals("Bearer realm=\"nnlab\"", none.headers().firstValue("WWW-Authenticate").orElseThrow());
        HttpResponse<String> forged = call("GET", "/api/v1/labs", "nnlab_" + "x".repeat(43), null);
        json(forged, 401);
        assertTrue(forged.headers().firstValue("WWW-Authenticate").orElseThrow().contains("invalid_token"));

        Browserless owner = new Browserless(server.url());
        owner.login(STUDENT, SharedPlatform.PASSWORD);
        String token = token(owner, "labs:read");
        json(call("GET", "/api/v1/labs", token, null), 200);
        String page = owner.get("/account").body();
        Matcher row = Pattern.compile("name=\"id\" value=\"([0-9a-f-]{36})\"").matcher(page);
        assertTrue(row.find(), page);
        String id = row.group(1);
        assertEquals(302, owner.postForm("/account/tokens", Map.of("action", "revoke", "id", id)).statusCode());
        assertTrue(json(call("GET", "/api/v1/labs", token, null), 401).get("message").asText()
                .contains("revoked"));
    }

    @Test
    void aSessionCookieDoesNotReachTheApi() throws Exception {
        Browserless browser = new Browserless(server.url());
        browser.login(STUDENT, SharedPlatform.PASSWORD);
        assertEquals(401, browser.get("/api/v1/labs").statusCode());
    }

    @Test
    void eachRefusalSaysWhyWithItsStatus() throws Exception {
        String reader = token(STUDENT, "labs:read", "submissions:read");
        String writer = token(STUDENT, "submissions:write");
        String submissions = "/api/v1/labs/" + SharedPlatform.LAB + "/submissions";
        assertEquals("insufficient_scope", json(call("POST", submissions, reader, "{}"), 403).get("error").asText());
        assertEquals("insufficient_scope", json(call("GET", "/api/v1/courses/DL-101/gradebook", reader, null), 403)
                .get("error").asText());
        assertTrue(json(call("POST", submissions, writer, "{\"files\": "), 400).get("message").asText()
                .startsWith("The body is not the JSON"));
        assertTrue(json(call("POST", submissions, writer, "{\"files\": {}}"), 422).get("message").asText()
                .startsWith("Nothing was submitted"));
        assertTrue(json(call("POST", submissions, writer, "{\"files\": {\"Solution.java\": \"class X {}\"}, "
                + "\"answers\": {\"essay\": \"no\"}}"), 422).get("message").asText().contains("no answer essay"));
        assertEquals("not_found", json(call("POST", "/api/v1/labs/no-such-lab/submissions", writer, "{}"), 404)
                .get("error").asText());
        assertEquals("not_found", json(call("GET", "/api/v1/submissions/" + java.util.UUID.randomUUID(), reader,
                null), 404).get("error").asText());
        assertEquals("not_found", json(call("GET", "/api/v1/no-such-thing", reader, null), 404).get("error")
                .asText());

        Browserless student = new Browserless(server.url());
        student.login(STUDENT, SharedPlatform.PASSWORD);
        student.get("/account");
        HttpResponse<String> refused = student.postFields("/account/tokens", List.of(Map.entry("action", "create"),
                Map.entry("name", "grades"), Map.entry("scope", "gradebook:read")));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("The scope gradebook:read is for instructors only."), refused.body());
    }

    @Test
    void theLabsLimitOfSubmissionsAnswers429WithRetryAfter() throws Exception {
        String token = token(BUSY_STUDENT, "submissions:write");
        String body = "{\"files\": {\"Solution.java\": \"public class Solution { int x = \\\"no\\\"; }\"}}";
        for (int i = 0; i < SharedPlatform.LIMIT; i++) {
            json(call("POST", "/api/v1/labs/" + SharedPlatform.LAB + "/submissions", token, body), 201);
        }
        HttpResponse<String> over = call("POST", "/api/v1/labs/" + SharedPlatform.LAB + "/submissions", token,
                body);
        assertEquals("submission_limit", json(over, 429).get("error").asText());
        assertTrue(Long.parseLong(over.headers().firstValue("Retry-After").orElseThrow()) > 60 * 50,
                "about an hour: " + over.headers().firstValue("Retry-After"));
    }

    @Test
    void aTokenOverItsRequestsAMinuteGets429WithRetryAfter() throws Exception {
        String token = token(BUSY_STUDENT, "labs:read");
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i <= SharedPlatform.API_REQUESTS_PER_MINUTE; i++) {
            last = call("GET", "/api/v1/labs", token, null);
            statuses.add(last.statusCode());
        }
        assertEquals(SharedPlatform.API_REQUESTS_PER_MINUTE, statuses.stream().filter(s -> s == 200).count(),
                statuses.toString());
        assertEquals("too_many_requests", json(last, 429).get("error").asText());
        long wait = Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(wait >= 1 && wait <= 60, "Retry-After " + wait);
    }

    @Test
    void theOpenApiDescriptionListsThePathsAndTheBearerScheme() throws Exception {
        HttpResponse<String> description = CLIENT.send(HttpRequest.newBuilder(URI.create(server.url()
                + "/openapi")).header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, description.statusCode());
        JsonNode document = JSON.readTree(description.body());
        for (String path : List.of("/api/v1/labs", "/api/v1/labs/{lab}/submissions", "/api/v1/submissions/{id}",
                "/api/v1/submissions/{id}/result", "/api/v1/courses/{course}/gradebook")) {
            assertTrue(document.at("/paths").has(path), path + " in " + document.at("/paths").fieldNames());
        }
        assertEquals("bearer", document.at("/components/securitySchemes/token/scheme").asText(),
                description.body());
    }

    /** @return a new token of the user with the scopes, made on their account page */
    private static String token(String username, String... scopes) throws IOException, InterruptedException {
        Browserless browser = new Browserless(server.url());
        browser.login(username, SharedPlatform.PASSWORD);
        return token(browser, scopes);
    }

    private static String token(Browserless browser, String... scopes) throws IOException, InterruptedException {
        browser.get("/account");
        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(Map.entry("action", "create"),
                Map.entry("name", "RestApiIT"), Map.entry("days", "1")));
        for (String scope : scopes) {
            fields.add(Map.entry("scope", scope));
        }
        HttpResponse<String> page = browser.postFields("/account/tokens", fields);
        Matcher secret = SECRET.matcher(page.body());
        assertTrue(page.statusCode() == 200 && secret.find(), page.statusCode() + ": " + page.body());
        return secret.group(1);
    }

    private static HttpResponse<String> call(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response, int status) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.headers().toString());
        return JSON.readTree(response.body());
    }

    private static JsonNode find(JsonNode array, String value) {
        return find(array, value, "id");
    }

    private static JsonNode find(JsonNode array, String value, String field) {
        for (JsonNode node : array) {
            if (node.get(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no " + field + " " + value + " in " + array);
    }
}
