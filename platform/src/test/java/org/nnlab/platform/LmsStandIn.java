package org.nnlab.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * An LTI 1.3 platform (an LMS) standing in for Moodle or Canvas, on a free port: its JWK set, an OIDC authorization
 * endpoint that answers a login redirect with a signed id token (as the form the browser would post to the tool),
 * a token endpoint that grants access only to a client assertion signed by the tool's key (from the tool's
 * {@code /lti/jwks}), and line items whose {@code /scores} record what a valid bearer token posts.
 */
final class LmsStandIn implements AutoCloseable {
    static final String CLIENT_ID = "nnlab-it-client";
    static final String DEPLOYMENT = "it-deployment-1";
    private static final String CLAIM = "https://purl.imsglobal.org/spec/lti/claim/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final String toolJwks;
    private final RSAKey key;
    private final List<String> tokens = new CopyOnWriteArrayList<>();
    private final List<ReceivedScore> scores = new CopyOnWriteArrayList<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private volatile NextLaunch next;
    private volatile LaunchForm lastForm;

    /**
     * What the next login is answered with.
     *
     * @param claims the id token's claims, before the login's nonce is added
     * @param signer the key that signs it (the LMS's own, or a forger's)
     */
    record NextLaunch(JWTClaimsSet.Builder claims, RSAKey signer) {
    }

    /**
     * The form the LMS's page posts to the tool after the login.
     *
     * @param redirectUri where it posts: the tool's launch URL
     * @param idToken     the signed id token
     * @param state       the tool's state, returned
     */
    record LaunchForm(String redirectUri, String idToken, String state) {
    }

    /**
     * A score posted to a line item.
     *
     * @param lineItem    the line item's path
     * @param contentType the request's content type
     * @param score       the score's JSON
     */
    record ReceivedScore(String lineItem, String contentType, JsonNode score) {
    }

    LmsStandIn(String toolBase) throws IOException, JOSEException {
        this.toolJwks = toolBase + "/lti/jwks";
        this.key = new RSAKeyGenerator(2048).keyID("lms-key-1").generate();
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/jwks", exchange -> answer(exchange, 200, "application/json",
                new JWKSet(key.toPublicJWK()).toString(true)));
        server.createContext("/auth", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/lineitems/", this::score);
        server.start();
    }

    /** @return the issuer, its base URL */
    String issuer() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** @return a forger's key with the same key id as the LMS's */
    static RSAKey forgersKey() throws JOSEException {
        return new RSAKeyGenerator(2048).keyID("lms-key-1").generate();
    }

    /** @return the LMS's key */
    RSAKey key() {
        return key;
    }

    /**
     * @return a launch's claims as this LMS sends them: to the tool's client id, via the registered deployment
     */
    JWTClaimsSet.Builder claims(String subject, String messageType, String role) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer()).audience(CLIENT_ID).subject(subject)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("name", "LMS user " + subject).claim(CLAIM + "deployment_id", DEPLOYMENT)
                .claim(CLAIM + "version", "1.3.0").claim(CLAIM + "message_type", messageType)
                .claim(CLAIM + "roles", List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#" + role));
    }

    /** Sets what the next login is answered with. */
    void next(JWTClaimsSet.Builder claims, RSAKey signer) {
        next = new NextLaunch(claims, signer);
    }

    /** @return the form of the last login answered */
    LaunchForm lastForm() {
        return lastForm;
    }

    /** @return the scores posted with a valid token */
    List<ReceivedScore> scores() {
        return scores;
    }

    /** @return what the token and scores endpoints refused, and why */
    List<String> refusals() {
        return refusals;
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        String problem = expect(query, Map.of("scope", "openid", "response_type", "id_token", "response_mode",
                "form_post", "prompt", "none", "client_id", CLIENT_ID));
        NextLaunch launch = next;
        if (problem != null || launch == null || query.get("nonce") == null || query.get("state") == null) {
            answer(exchange, 400, "text/plain", "bad authorization request: " + problem);
            return;
        }
        try {
            JWTClaimsSet claims = launch.claims().claim("nonce", query.get("nonce")).build();
            SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .keyID(launch.signer().getKeyID()).build(), claims);
            token.sign(new RSASSASigner(launch.signer()));
            lastForm = new LaunchForm(query.get("redirect_uri"), token.serialize(), query.get("state"));
        } catch (JOSEException e) {
            answer(exchange, 500, "text/plain", e.toString());
            return;
        }
        answer(exchange, 200, "text/html", "<form method=\"post\" action=\"" + lastForm.redirectUri()
                + "\"><input type=\"hidden\" name=\"id_token\" value=\"" + lastForm.idToken() + "\"></form>");
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8));
        String problem = expect(form, Map.of("grant_type", "client_credentials", "client_assertion_type",
                "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "scope",
                "https://purl.imsglobal.org/spec/lti-ags/scope/score"));
        if (problem == null) {
            problem = assertionProblem(form.getOrDefault("client_assertion", ""));
        }
        if (problem != null) {
            refusals.add("token: " + problem);
            answer(exchange, 400, "application/json", JSON.writeValueAsString(Map.of("error", "invalid_client",
                    "error_description", problem)));
            return;
        }
        String token = UUID.randomUUID().toString();
        tokens.add(token);
        answer(exchange, 200, "application/json", JSON.writeValueAsString(Map.of("access_token", token,
                "token_type", "Bearer", "expires_in", 3600, "scope",
                "https://purl.imsglobal.org/spec/lti-ags/scope/score")));
    }

    private String assertionProblem(String assertion) {
        try {
            SignedJWT jwt = SignedJWT.parse(assertion);
            JWKSet toolKeys = JWKSet.load(URI.create(toolJwks).toURL());
            RSAKey toolKey = (RSAKey) toolKeys.getKeyByKeyId(jwt.getHeader().getKeyID());
            if (toolKey == null || !jwt.verify(new RSASSAVerifier(toolKey))) {
                return "the client assertion does not verify against the tool's JWK set";
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!CLIENT_ID.equals(claims.getIssuer()) || !CLIENT_ID.equals(claims.getSubject())
                    || !claims.getAudience().contains(issuer() + "/token")
                    || claims.getExpirationTime().before(new Date()) || claims.getJWTID() == null) {
                return "the client assertion's claims are wrong: " + claims;
            }
            return null;
        } catch (java.text.ParseException | IOException | JOSEException | ClassCastException e) {
            return "the client assertion cannot be read: " + e;
        }
    }

    private void score(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String bearer = exchange.getRequestHeaders().getFirst("Authorization");
        if (!"POST".equals(exchange.getRequestMethod()) || !path.endsWith("/scores")) {
            answer(exchange, 404, "text/plain", "no such endpoint");
            return;
        }
        if (bearer == null || !tokens.contains(bearer.replaceFirst("^Bearer ", ""))) {
            refusals.add("scores: bearer " + bearer);
            answer(exchange, 401, "text/plain", "invalid bearer token");
            return;
        }
        scores.add(new ReceivedScore(path.substring(0, path.length() - "/scores".length()),
                exchange.getRequestHeaders().getFirst("Content-Type"), JSON.readTree(exchange.getRequestBody())));
        answer(exchange, 200, "application/json", "{}");
    }

    private static String expect(Map<String, String> given, Map<String, String> expected) {
        return expected.entrySet().stream().filter(e -> !e.getValue().equals(given.get(e.getKey())))
                .map(e -> e.getKey() + "=" + given.get(e.getKey())).findFirst().orElse(null);
    }

    private static Map<String, String> form(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return Map.of();
        }
        return Arrays.stream(encoded.split("&")).map(pair -> pair.split("=", 2)).collect(Collectors.toMap(
                pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "", (a, b) -> b));
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
