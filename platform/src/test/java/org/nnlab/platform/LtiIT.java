package org.nnlab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * LTI 1.3 against the real platform, with {@link LmsStandIn} as the LMS: the instructor registers it through the
 * teaching page; launches go through the OIDC login initiation, the LMS's authorization endpoint and the launch, as
 * a browser would carry them. Users are made by the launches themselves.
 */
class LtiIT {
    private static final String LAB = SharedPlatform.LAB;
    private static final String CLAIM = "https://purl.imsglobal.org/spec/lti/claim/";
    private static final String DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";
    private static final Pattern JWT_FIELD = Pattern.compile("name=\"JWT\" value=\"([^\"]+)\"");
    private static final Pattern FORM_ACTION = Pattern.compile("id=\"lti-return\" method=\"post\" action=\"([^\"]+)\"");
    /** The LMS's own hop, the authorization redirect: no cookies of the tool. */
    private static final HttpClient LMS_BROWSER = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static PayaraMicro server;
    private static LmsStandIn lms;

    @BeforeAll
    static void registerTheLms() throws Exception {
        server = SharedPlatform.server();
        lms = new LmsStandIn(server.url());
        Browserless instructor = new Browserless(server.url());
        assertEquals(302, instructor.login("instructor", SharedPlatform.PASSWORD).statusCode());
        HttpResponse<String> page = instructor.get("/teach/lti");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains(server.url() + "/lti/login"), page.body());
        HttpResponse<String> refused = instructor.postForm("/teach/lti", registration("ftp://lms.example.org"));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("must be an https URL"), refused.body());
        HttpResponse<String> registered = instructor.postForm("/teach/lti", registration(lms.issuer()));
        assertEquals(302, registered.statusCode(), registered.body());
        assertTrue(instructor.get("/teach/lti").body().contains(lms.issuer()));
    }

    private static Map<String, String> registration(String issuer) {
        return Map.of("course", "DL-101", "issuer", issuer, "clientId", LmsStandIn.CLIENT_ID, "deploymentIds",
                LmsStandIn.DEPLOYMENT, "authUrl", lms.issuer() + "/auth", "tokenUrl", lms.issuer() + "/token",
                "jwksUrl", lms.issuer() + "/jwks");
    }

    @AfterAll
    static void done() {
        if (lms != null) {
            lms.close();
        }
        SharedPlatform.done(LtiIT.class);
    }

    /** Starts a login at the tool as the LMS does, lets the LMS answer it, and returns the form to post back. */
    private static LmsStandIn.LaunchForm login(Browserless user, String issuer, String hint) throws Exception {
        HttpResponse<String> initiated = user.get("/lti/login?iss=" + encode(issuer) + "&login_hint=" + hint
                + "&target_link_uri=" + encode(server.url() + "/labs/" + LAB) + "&client_id="
                + LmsStandIn.CLIENT_ID + "&lti_deployment_id=" + LmsStandIn.DEPLOYMENT);
        assertEquals(302, initiated.statusCode(), initiated.body());
        String location = initiated.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(lms.issuer() + "/auth?"), location);
        HttpResponse<String> answered = LMS_BROWSER.send(HttpRequest.newBuilder(URI.create(location)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answered.statusCode(), answered.body());
        assertEquals(server.url() + "/lti/launch", lms.lastForm().redirectUri());
        return lms.lastForm();
    }

    private static HttpResponse<String> launch(Browserless user, LmsStandIn.LaunchForm form) throws Exception {
        return user.postForm("/lti/launch", Map.of("id_token", form.idToken(), "state", form.state()));
    }

    private static JWTClaimsSet.Builder studentLaunch(String subject) {
        return lms.claims(subject, "LtiResourceLinkRequest", "Learner")
                .claim(CLAIM + "target_link_uri", server.url() + "/labs/" + LAB)
                .claim(CLAIM + "resource_link", Map.of("id", "link-1"))
                .claim(CLAIM + "custom", Map.of("lab", LAB))
                .claim("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", Map.of("lineitem",
                        lms.issuer() + "/lineitems/" + subject, "scope", List.of(
                                "https://purl.imsglobal.org/spec/lti-ags/scope/score")));
    }

    @Test
    void aStudentsLaunchLandsLoggedInOnTheLab() throws Exception {
        Browserless student = new Browserless(server.url());
        lms.next(studentLaunch("learner-1"), lms.key());

        HttpResponse<String> launched = launch(student, login(student, lms.issuer(), "learner-1"));

        assertEquals(302, launched.statusCode(), launched.body());
        assertEquals("/labs/" + LAB, URI.create(launched.headers().firstValue("Location").orElseThrow()).getPath());
        student.awaitPublished(LAB);
        HttpResponse<String> lab = student.get("/labs/" + LAB);
        assertEquals(200, lab.statusCode());
        assertTrue(lab.body().contains("lti-"), "logged in as the LTI user");
    }

    @Test
    void aReplayedStateIsRefused() throws Exception {
        Browserless student = new Browserless(server.url());
        lms.next(studentLaunch("learner-2"), lms.key());
        LmsStandIn.LaunchForm form = login(student, lms.issuer(), "learner-2");
        assertEquals(302, launch(student, form).statusCode());

        HttpResponse<String> replayed = launch(new Browserless(server.url()), form);

        assertEquals(400, replayed.statusCode());
        assertTrue(replayed.body().contains("state is unknown, used already or expired"), replayed.body());
    }

    @Test
    void aForgedSignatureIsRefused() throws Exception {
        Browserless forger = new Browserless(server.url());
        lms.next(studentLaunch("learner-3"), LmsStandIn.forgersKey());

        HttpResponse<String> launched = launch(forger, login(forger, lms.issuer(), "learner-3"));

        assertEquals(401, launched.statusCode());
        assertTrue(launched.body().contains("signature does not verify"), launched.body());
        assertEquals(302, forger.get("/").statusCode(), "not logged in");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        Browserless user = new Browserless(server.url());
        lms.next(studentLaunch("learner-4").audience("another-tool"), lms.key());

        HttpResponse<String> launched = launch(user, login(user, lms.issuer(), "learner-4"));

        assertEquals(400, launched.statusCode());
        assertTrue(launched.body().contains("not for this tool"), launched.body());
    }

    @Test
    void anUnknownIssuerIsRefusedAtTheLogin() throws Exception {
        HttpResponse<String> refused = new Browserless(server.url()).get("/lti/login?iss="
                + encode("https://unknown-lms.example.org") + "&login_hint=x&target_link_uri=" + encode(server.url()));

        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("is not registered with nnlab"), refused.body());
    }

    @Test
    void anInstructorsDeepLinkingReturnsASignedLabItem() throws Exception {
        Browserless teacher = new Browserless(server.url());
        lms.next(lms.claims("teacher-1", "LtiDeepLinkingRequest", "Instructor").claim(DL + "deep_linking_settings",
                Map.of("deep_link_return_url", lms.issuer() + "/deep-link-return", "accept_types",
                        List.of("ltiResourceLink"), "data", "opaque-7")), lms.key());

        HttpResponse<String> launched = launch(teacher, login(teacher, lms.issuer(), "teacher-1"));
        assertEquals(302, launched.statusCode(), launched.body());
        String choice = URI.create(launched.headers().firstValue("Location").orElseThrow()).getPath();
        HttpResponse<String> page = teacher.get(choice);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("value=\"" + LAB + "\""), page.body());
        HttpResponse<String> answer = teacher.postForm(choice, Map.of("lab", LAB));

        assertEquals(200, answer.statusCode(), answer.body());
        Matcher action = FORM_ACTION.matcher(answer.body());
        assertTrue(action.find(), answer.body());
        assertEquals(lms.issuer() + "/deep-link-return", action.group(1));
        Matcher jwtField = JWT_FIELD.matcher(answer.body());
        assertTrue(jwtField.find(), answer.body());
        SignedJWT jwt = SignedJWT.parse(jwtField.group(1));
        JWKSet toolKeys = JWKSet.parse(new Browserless(server.url()).get("/lti/jwks").body());
        RSAKey toolKey = (RSAKey) toolKeys.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertTrue(toolKey != null && !toolKey.isPrivate() && jwt.verify(new RSASSAVerifier(toolKey)));
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals(LmsStandIn.CLIENT_ID, claims.getIssuer());
        assertEquals(List.of(lms.issuer()), claims.getAudience());
        assertEquals("LtiDeepLinkingResponse", claims.getClaim(CLAIM + "message_type"));
        assertEquals(LmsStandIn.DEPLOYMENT, claims.getClaim(CLAIM + "deployment_id"));
        assertEquals("opaque-7", claims.getClaim(DL + "data"));
        JsonNode items = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(
                claims.getClaim(DL + "content_items"));
        assertEquals(1, items.size());
        JsonNode item = items.get(0);
        assertEquals("ltiResourceLink", item.get("type").asText());
        assertEquals(server.url() + "/labs/" + LAB, item.get("url").asText());
        assertEquals(LAB, item.get("custom").get("lab").asText());
        assertEquals(LAB, item.get("lineItem").get("resourceId").asText());
        assertTrue(item.get("lineItem").get("scoreMaximum").asDouble() > 0);
    }

    @Test
    void aStudentsGradedSubmissionSendsItsScoreToTheLms() throws Exception {
        SandboxProbe probe = BubblewrapSandbox.probe();
        Assumptions.assumeTrue(probe.available(), () -> "this machine cannot sandbox: " + probe.problem());
        Browserless student = new Browserless(server.url());
        lms.next(studentLaunch("learner-graded"), lms.key());
        assertEquals(302, launch(student, login(student, lms.issuer(), "learner-graded")).statusCode());
        student.awaitPublished(LAB);
        Path reference = Path.of(System.getProperty("nnlab.labs"), LAB, "reference");
        HttpResponse<String> submitted = student.postMultipart("/labs/" + LAB, Map.of("answer.reflection",
                Files.readString(reference.resolve("answers/reflection.txt"))), Map.of("files",
                Map.entry("Solution.java", Files.readString(reference.resolve("Solution.java")))));
        assertEquals(302, submitted.statusCode(), submitted.body());
        JsonNode graded = student.awaitResult(URI.create(submitted.headers().firstValue("Location").orElseThrow())
                .getPath());
        assertEquals("GRADED", graded.get("status").asText(), graded.toString());

        LmsStandIn.ReceivedScore score = awaitScore("/lineitems/learner-graded");
        assertEquals("application/vnd.ims.lis.v1.score+json", score.contentType());
        assertEquals("learner-graded", score.score().get("userId").asText());
        assertEquals(graded.get("score").asDouble(), score.score().get("scoreGiven").asDouble(), 1e-9);
        assertTrue(score.score().get("scoreMaximum").asDouble() >= score.score().get("scoreGiven").asDouble());
        assertEquals("Completed", score.score().get("activityProgress").asText());
        assertEquals("FullyGraded", score.score().get("gradingProgress").asText());
        assertTrue(lms.refusals().isEmpty(), lms.refusals().toString());
        Browserless instructor = new Browserless(server.url());
        instructor.login("instructor", SharedPlatform.PASSWORD);
        assertTrue(instructor.get("/teach/lti").body().contains("delivered"));
    }

    private static LmsStandIn.ReceivedScore awaitScore(String lineItem) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (LmsStandIn.ReceivedScore score : lms.scores()) {
                if (score.lineItem().equals(lineItem)) {
                    return score;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no score at " + lineItem + " within a minute; refusals " + lms.refusals());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
