package org.nnlab.platform.lti.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LaunchValidatorTest {
    private static final String ISSUER = "https://lms.example.org";
    private static final String CLIENT = "nnlab-client";
    private static final String NONCE = "nonce-1";
    private static final String CLAIM = "https://purl.imsglobal.org/spec/lti/claim/";
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final ExpectedLaunch EXPECTED = new ExpectedLaunch(ISSUER, CLIENT, List.of("dep-1"), NONCE);
    private static RSAKey lmsKey;
    private static RSAKey otherKey;
    private static KeySource keys;

    @BeforeAll
    static void makeKeys() throws JOSEException {
        lmsKey = new RSAKeyGenerator(2048).keyID("lms-1").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("lms-1").generate();
        keys = (kid, refresh) -> Optional.of(lmsKey.toPublicJWK()).filter(k -> k.getKeyID().equals(kid))
                .map(k -> k);
    }

    private static JWTClaimsSet.Builder launch() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(CLIENT).subject("user-42")
                .issueTime(Date.from(NOW.minusSeconds(5))).expirationTime(Date.from(NOW.plusSeconds(300)))
                .claim("nonce", NONCE).claim("name", "Ada Lovelace")
                .claim(CLAIM + "deployment_id", "dep-1").claim(CLAIM + "version", "1.3.0")
                .claim(CLAIM + "message_type", "LtiResourceLinkRequest")
                .claim(CLAIM + "roles", List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"))
                .claim(CLAIM + "target_link_uri", "https://nnlab.example.org/labs/digits")
                .claim(CLAIM + "custom", Map.of("lab", "digits-regularization"))
                .claim("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", Map.of("lineitem",
                        "https://lms.example.org/lineitems/7", "scope", List.of(LaunchValidator.SCORE_SCOPE)));
    }

    private static String signed(JWTClaimsSet claims, RSAKey key) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static LaunchRefused refused(UnaryOperator<JWTClaimsSet.Builder> change) throws JOSEException {
        String token = signed(change.apply(launch()).build(), lmsKey);
        return assertThrows(LaunchRefused.class, () -> LaunchValidator.validate(token, EXPECTED, keys, NOW));
    }

    @Test
    void aValidLaunchGivesItsUserLabAndLineItem() throws JOSEException {
        LaunchClaims claims = LaunchValidator.validate(signed(launch().build(), lmsKey), EXPECTED, keys, NOW);

        assertEquals("user-42", claims.subject());
        assertEquals("Ada Lovelace", claims.name());
        assertEquals("digits-regularization", claims.labId());
        assertEquals("https://lms.example.org/lineitems/7", claims.lineItem());
        assertFalse(claims.instructor());
        assertFalse(claims.deepLinking());
    }

    @Test
    void anInstructorRoleMakesAnInstructor() throws JOSEException {
        LaunchClaims claims = LaunchValidator.validate(signed(launch().claim(CLAIM + "roles",
                List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor")).build(), lmsKey), EXPECTED,
                keys, NOW);

        assertTrue(claims.instructor());
    }

    @Test
    void aTeachingAssistantOrMentorIsAStudent() throws JOSEException {
        LaunchClaims claims = LaunchValidator.validate(signed(launch().claim(CLAIM + "roles", List.of(
                "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant",
                "http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor")).build(), lmsKey), EXPECTED, keys, NOW);

        assertFalse(claims.instructor());
    }

    @Test
    void withoutACustomLabTheTargetLinkUriNamesTheLab() throws JOSEException {
        LaunchClaims claims = LaunchValidator.validate(signed(launch().claim(CLAIM + "custom", Map.of()).build(),
                lmsKey), EXPECTED, keys, NOW);

        assertEquals("digits", claims.labId());
    }

    @Test
    void anExpiredTokenIsRefused() throws JOSEException {
        LaunchRefused refused = refused(b -> b.expirationTime(Date.from(NOW.minusSeconds(120))));

        assertEquals(401, refused.status());
        assertTrue(refused.getMessage().contains("expired"), refused.getMessage());
    }

    @Test
    void aTokenExpiredWithinTheClockSkewIsAccepted() throws JOSEException {
        String token = signed(launch().expirationTime(Date.from(NOW.minusSeconds(30))).build(), lmsKey);

        assertEquals("user-42", LaunchValidator.validate(token, EXPECTED, keys, NOW).subject());
    }

    @Test
    void aTokenIssuedInTheFutureIsRefused() throws JOSEException {
        assertTrue(refused(b -> b.issueTime(Date.from(NOW.plusSeconds(600)))).getMessage().contains("future"));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws JOSEException {
        LaunchRefused refused = refused(b -> b.audience("someone-else"));

        assertEquals(400, refused.status());
        assertTrue(refused.getMessage().contains("audience"), refused.getMessage());
    }

    @Test
    void severalAudiencesNeedTheToolAsAuthorizedParty() throws JOSEException {
        assertTrue(refused(b -> b.audience(List.of("someone-else", CLIENT))).getMessage().contains("azp"));

        String token = signed(launch().audience(List.of("someone-else", CLIENT)).claim("azp", CLIENT).build(),
                lmsKey);
        assertEquals("user-42", LaunchValidator.validate(token, EXPECTED, keys, NOW).subject());
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() throws JOSEException {
        assertTrue(refused(b -> b.issuer("https://evil.example.org")).getMessage().contains("issuer"));
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws JOSEException {
        String forged = signed(launch().build(), otherKey);

        LaunchRefused refused = assertThrows(LaunchRefused.class, () -> LaunchValidator.validate(forged, EXPECTED,
                keys, NOW));
        assertEquals(401, refused.status());
        assertTrue(refused.getMessage().contains("signature"), refused.getMessage());
    }

    @Test
    void aTokenSignedByAnUnknownKeyIdIsRefusedAfterFetchingTheKeysAgain() throws JOSEException {
        RSAKey unknown = new RSAKeyGenerator(2048).keyID("lms-2").generate();
        List<Boolean> refreshes = new java.util.ArrayList<>();
        KeySource counting = (kid, refresh) -> {
            refreshes.add(refresh);
            return keys.key(kid, refresh);
        };
        String token = signed(launch().build(), unknown);

        assertThrows(LaunchRefused.class, () -> LaunchValidator.validate(token, EXPECTED, counting, NOW));
        assertEquals(List.of(false, true), refreshes);
    }

    @Test
    void aTamperedTokenIsRefused() throws JOSEException {
        String[] parts = signed(launch().build(), lmsKey).split("\\.");
        String other = signed(launch().subject("admin").build(), lmsKey).split("\\.")[1];

        assertThrows(LaunchRefused.class, () -> LaunchValidator.validate(parts[0] + "." + other + "." + parts[2],
                EXPECTED, keys, NOW));
    }

    @Test
    void anotherLoginsNonceIsRefused() throws JOSEException {
        assertTrue(refused(b -> b.claim("nonce", "replayed")).getMessage().contains("nonce"));
    }

    @Test
    void anUnregisteredDeploymentIsRefused() throws JOSEException {
        assertTrue(refused(b -> b.claim(CLAIM + "deployment_id", "dep-9")).getMessage().contains("dep-9"));
    }

    @Test
    void anotherLtiVersionIsRefused() throws JOSEException {
        assertTrue(refused(b -> b.claim(CLAIM + "version", "1.1")).getMessage().contains("version"));
    }

    @Test
    void anUnknownMessageTypeIsRefused() throws JOSEException {
        assertTrue(refused(b -> b.claim(CLAIM + "message_type", "LtiSubmissionReviewRequest")).getMessage()
                .contains("message type"));
    }

    @Test
    void aLaunchWithoutTokenOrWithGarbageIsRefused() {
        assertThrows(LaunchRefused.class, () -> LaunchValidator.validate(null, EXPECTED, keys, NOW));
        assertTrue(assertThrows(LaunchRefused.class, () -> LaunchValidator.validate("not.a.jwt", EXPECTED, keys,
                NOW)).getMessage().contains("not a signed JWT"));
    }

    @Test
    void aLineItemWithoutTheScoreScopeIsIgnored() throws JOSEException {
        String token = signed(launch().claim("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", Map.of(
                "lineitem", "https://lms.example.org/lineitems/7", "scope", List.of())).build(), lmsKey);

        assertEquals("", LaunchValidator.validate(token, EXPECTED, keys, NOW).lineItem());
    }
}
