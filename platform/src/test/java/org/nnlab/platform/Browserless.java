package org.nnlab.platform;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A user of the platform over plain HTTP, with its own cookies: GET pages, post forms with their CSRF token. */
final class Browserless {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]+)\"");
    private final String base;
    private final CookieManager cookies = new CookieManager();
    /** HTTP/1.1, as browsers speak to a plain-http server: they never upgrade it to HTTP/2 (h2c). */
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    private String csrf;

    Browserless(String base) {
        this.base = base;
    }

    /** GETs a page and remembers its form token. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher matcher = CSRF.matcher(response.body());
        if (matcher.find()) {
            csrf = matcher.group(1);
        }
        return response;
    }

    /** GETs a download. */
    HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts one binary file as a multipart form, with the last page's token. */
    HttpResponse<String> postFile(String path, String field, String fileName, byte[] content)
            throws IOException, InterruptedException {
        return postFile(path, Map.of(), field, fileName, content);
    }

    /** Posts text fields and one binary file as a multipart form, with the last page's token. */
    HttpResponse<String> postFile(String path, Map<String, String> fields, String field, String fileName,
                                  byte[] content) throws IOException, InterruptedException {
        String boundary = "nnlab" + UUID.randomUUID().toString().replace("-", "");
        StringBuilder texts = new StringBuilder();
        fields.forEach((name, value) -> texts.append("--").append(boundary).append("\r\nContent-Disposition: "
                + "form-data; name=\"").append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        byte[] head = (texts + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field
                + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(head);
        body.writeBytes(content);
        body.writeBytes(tail);
        return client.send(HttpRequest.newBuilder(URI.create(base + path + "?_csrf=" + csrf))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Submits pasted source (and answers) to a lab.
     *
     * @return the submission's path
     */
    String submit(String lab, String source, Map<String, String> answers) throws IOException, InterruptedException {
        get("/labs/" + lab);
        Map<String, String> fields = new java.util.HashMap<>(answers);
        fields.put("source", source);
        HttpResponse<String> submitted = postMultipart("/labs/" + lab, fields, Map.of());
        if (submitted.statusCode() != 302) {
            throw new AssertionError("submission refused: " + submitted.statusCode() + "\n" + submitted.body());
        }
        return URI.create(submitted.headers().firstValue("Location").orElseThrow()).getPath();
    }

    /** @return the submission's state once it is graded or failed; fails after five minutes */
    com.fasterxml.jackson.databind.JsonNode awaitResult(String submission) throws IOException, InterruptedException {
        return awaitStatus(submission, "GRADED", "FAILED");
    }

    /** @return the submission's state once its status is one of {@code statuses}; fails after five minutes */
    com.fasterxml.jackson.databind.JsonNode awaitStatus(String submission, String... statuses)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 300_000_000_000L;
        com.fasterxml.jackson.databind.JsonNode state = null;
        while (System.nanoTime() < deadline) {
            state = new com.fasterxml.jackson.databind.ObjectMapper().readTree(get(submission + "/status").body());
            if (java.util.Arrays.asList(statuses).contains(state.get("status").asText())) {
                return state;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not " + String.join(" or ", statuses) + " in time; last state " + state);
    }

    /**
     * Waits until a lab is published (its self-test, queued at start, passed), as this logged-in student sees it.
     */
    void awaitPublished(String lab) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (get("/labs/" + lab).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the lab " + lab + " was not published within five minutes");
            }
            Thread.sleep(1000);
        }
    }

    /** @return the value of the named cookie, e.g. {@code JSESSIONID}, or null */
    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    /** @return every cookie of this user as a {@code Cookie} header's value, for another client to act as them */
    String cookieHeader() {
        return cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    /** @return a user with the same cookies as this one (e.g. a stolen session), sharing nothing else */
    Browserless withCookiesOf(Browserless other) {
        other.cookies.getCookieStore().getCookies().forEach(c -> cookies.getCookieStore().add(URI.create(base), c));
        return this;
    }

    /** Replaces the form token with one the server never issued, as a forged cross-site form would have. */
    void forgetToken() {
        csrf = "0".repeat(48);
    }

    /** Logs in through the login page. @return the login's response */
    HttpResponse<String> login(String username, String password) throws IOException, InterruptedException {
        get("/login");
        return postForm("/login", Map.of("username", username, "password", password));
    }

    /** Posts a URL-encoded form with the last page's token. */
    HttpResponse<String> postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
        return postFields(path, List.copyOf(fields.entrySet()));
    }

    /** Posts a URL-encoded form whose fields may repeat (check boxes), with the last page's token. */
    HttpResponse<String> postFields(String path, List<Map.Entry<String, String>> fields)
            throws IOException, InterruptedException {
        String body = fields.stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&")) + "&_csrf=" + csrf;
        return client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a multipart form: text fields, and files by field name as (file name, content). */
    HttpResponse<String> postMultipart(String path, Map<String, String> fields, Map<String, Map.Entry<String,
            String>> files) throws IOException, InterruptedException {
        String boundary = "nnlab" + UUID.randomUUID().toString().replace("-", "");
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; "
                + "name=\"").append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        files.forEach((name, file) -> body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; "
                + "name=\"").append(name).append("\"; filename=\"").append(file.getKey())
                .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n").append(file.getValue()).append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        return client.send(HttpRequest.newBuilder(URI.create(base + path + "?_csrf=" + csrf))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
