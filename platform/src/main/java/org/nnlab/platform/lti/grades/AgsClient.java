package org.nnlab.platform.lti.grades;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.nnlab.platform.lti.key.ToolKeys;
import org.nnlab.platform.lti.launch.LaunchValidator;
import org.nnlab.platform.lti.registration.LtiRegistration;

/**
 * Posts scores to an LMS: an access token by the client-credentials grant with a JWT client assertion signed by the
 * tool key (IMS Security Framework 4.1), cached until shortly before it expires, then the score to
 * {@code LINEITEM/scores} with it.
 */
@ApplicationScoped
public class AgsClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    @Inject
    ToolKeys keys;

    private record Token(String value, Instant expires) {
    }

    /**
     * @throws IOException saying what the LMS answered, when it did not take the score
     */
    public void post(LtiRegistration registration, String lineItem, Score score)
            throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(scoresUrl(lineItem))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", Score.MEDIA_TYPE)
                .header("Authorization", "Bearer " + token(registration))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(score.json()))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401) {
            tokens.remove(registration.getId());
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the LMS answered the score with HTTP " + response.statusCode() + ": "
                    + abbreviate(response.body()));
        }
    }

    /** @return the URL of a line item's scores: {@code /scores} appended to its path, its query kept */
    static URI scoresUrl(String lineItem) {
        URI item = URI.create(lineItem);
        String path = item.getRawPath() == null ? "" : item.getRawPath();
        return URI.create(item.getScheme() + "://" + item.getRawAuthority() + path.replaceAll("/$", "") + "/scores"
                + (item.getRawQuery() == null ? "" : "?" + item.getRawQuery()));
    }

    private String token(LtiRegistration registration) throws IOException, InterruptedException {
        Token known = tokens.get(registration.getId());
        if (known != null && known.expires().isAfter(Instant.now().plusSeconds(30))) {
            return known.value();
        }
        Instant now = Instant.now();
        String assertion = keys.sign(new JWTClaimsSet.Builder().issuer(registration.getClientId())
                .subject(registration.getClientId()).audience(registration.getTokenUrl()).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300))).jwtID(UUID.randomUUID().toString()).build());
        Map<String, String> form = Map.of("grant_type", "client_credentials",
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", assertion, "scope", LaunchValidator.SCORE_SCOPE);
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(registration.getTokenUrl()))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(form.entrySet()
                        .stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")))).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the LMS's token endpoint answered HTTP " + response.statusCode() + ": "
                    + abbreviate(response.body()));
        }
        JsonNode answer = JSON.readTree(response.body());
        String value = answer.path("access_token").asText("");
        if (value.isEmpty()) {
            throw new IOException("the LMS's token endpoint gave no access_token: " + abbreviate(response.body()));
        }
        Token token = new Token(value, now.plusSeconds(answer.path("expires_in").asLong(3600)));
        tokens.put(registration.getId(), token);
        return token.value();
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
