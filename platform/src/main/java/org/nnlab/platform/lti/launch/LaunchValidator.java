package org.nnlab.platform.lti.launch;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates an LTI 1.3 id token (IMS Security Framework 5.1.3, LTI Core 5.3): RS256 signature by a key of the LMS's
 * set, issuer, audience (and {@code azp} when there are several), expiry and issue time within {@link #SKEW}, the
 * login's nonce, a registered deployment, version 1.3.0 and a message type the tool handles.
 */
public final class LaunchValidator {
    /** The clock difference tolerated between the LMS and the tool. */
    public static final Duration SKEW = Duration.ofSeconds(60);
    private static final String CLAIM = "https://purl.imsglobal.org/spec/lti/claim/";
    private static final String DEEP_LINKING_SETTINGS =
            "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";
    private static final String AGS_ENDPOINT = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
    /** The AGS scope that lets the tool post scores. */
    public static final String SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    private static final Set<String> MESSAGE_TYPES = Set.of(LaunchClaims.RESOURCE_LINK, LaunchClaims.DEEP_LINKING);

    private LaunchValidator() {
    }

    /**
     * @param idToken the id token the LMS posted
     * @param expected what the registration and the login expect
     * @param keys    the LMS's public keys
     * @param now     the time to check expiry against
     * @return the launch's claims
     * @throws LaunchRefused saying which check failed
     */
    public static LaunchClaims validate(String idToken, ExpectedLaunch expected, KeySource keys, Instant now) {
        SignedJWT jwt = parse(idToken);
        verifySignature(jwt, keys);
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new LaunchRefused(400, "The id_token's claims cannot be read: " + e.getMessage());
        }
        if (!expected.issuer().equals(claims.getIssuer())) {
            throw new LaunchRefused(400, "The id_token comes from the issuer '" + claims.getIssuer()
                    + "', not from the LMS the login started with (" + expected.issuer() + ").");
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(expected.clientId())) {
            throw new LaunchRefused(400, "The id_token is for the audience " + audience + ", not for this tool's "
                    + "client id " + expected.clientId() + ".");
        }
        String azp = text(claims, "azp");
        if ((audience.size() > 1 || !azp.isEmpty()) && !expected.clientId().equals(azp)) {
            throw new LaunchRefused(400, "The id_token's authorized party (azp) '" + azp + "' is not this tool's "
                    + "client id " + expected.clientId() + ".");
        }
        checkTimes(claims, now);
        if (!expected.nonce().equals(text(claims, "nonce"))) {
            throw new LaunchRefused(400, "The id_token's nonce is not the one of this login: start the launch "
                    + "again from the LMS.");
        }
        String deployment = text(claims, CLAIM + "deployment_id");
        if (!expected.deploymentIds().contains(deployment)) {
            throw new LaunchRefused(400, "The deployment id '" + deployment + "' is not registered for this LMS: "
                    + "an instructor adds it at Teaching → LTI.");
        }
        String version = text(claims, CLAIM + "version");
        if (!"1.3.0".equals(version)) {
            throw new LaunchRefused(400, "The launch is LTI version '" + version + "'; this tool speaks 1.3.0.");
        }
        String type = text(claims, CLAIM + "message_type");
        if (!MESSAGE_TYPES.contains(type)) {
            throw new LaunchRefused(400, "The message type '" + type + "' is not one this tool handles "
                    + MESSAGE_TYPES + ".");
        }
        String subject = claims.getSubject() == null ? "" : claims.getSubject();
        if (subject.isEmpty() || subject.length() > 255) {
            throw new LaunchRefused(400, "The launch names no user (sub): anonymous launches are not supported.");
        }
        return new LaunchClaims(type, deployment, subject, text(claims, "name"), instructor(claims),
                text(claims, CLAIM + "target_link_uri"), custom(claims), lineItem(claims),
                text(object(claims, DEEP_LINKING_SETTINGS), "deep_link_return_url"),
                text(object(claims, DEEP_LINKING_SETTINGS), "data"));
    }

    private static SignedJWT parse(String idToken) {
        if (idToken == null || idToken.isBlank()) {
            throw new LaunchRefused(400, "The launch carries no id_token.");
        }
        try {
            return SignedJWT.parse(idToken);
        } catch (ParseException e) {
            throw new LaunchRefused(400, "The id_token is not a signed JWT: " + e.getMessage());
        }
    }

    private static void verifySignature(SignedJWT jwt, KeySource keys) {
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new LaunchRefused(401, "The id_token is signed with " + jwt.getHeader().getAlgorithm()
                    + "; LTI requires RS256.");
        }
        String kid = jwt.getHeader().getKeyID();
        if (kid == null) {
            throw new LaunchRefused(401, "The id_token names no key (kid) it was signed with.");
        }
        Optional<JWK> key = keys.key(kid, false).or(() -> keys.key(kid, true));
        if (key.isEmpty() || !(key.get() instanceof RSAKey rsa)) {
            throw new LaunchRefused(401, "The id_token is signed with a key ('" + kid + "') the LMS's key set does "
                    + "not have.");
        }
        try {
            if (!jwt.verify(new RSASSAVerifier(rsa))) {
                throw new LaunchRefused(401, "The id_token's signature does not verify against the LMS's key '"
                        + kid + "'.");
            }
        } catch (JOSEException e) {
            throw new LaunchRefused(401, "The id_token's signature cannot be checked: " + e.getMessage());
        }
    }

    private static void checkTimes(JWTClaimsSet claims, Instant now) {
        Date expires = claims.getExpirationTime();
        Date issued = claims.getIssueTime();
        if (expires == null || issued == null) {
            throw new LaunchRefused(400, "The id_token lacks its expiry (exp) or issue time (iat).");
        }
        if (expires.toInstant().plus(SKEW).isBefore(now)) {
            throw new LaunchRefused(401, "The id_token expired at " + expires.toInstant() + ": start the launch "
                    + "again from the LMS.");
        }
        if (issued.toInstant().minus(SKEW).isAfter(now)) {
            throw new LaunchRefused(401, "The id_token is issued in the future (" + issued.toInstant()
                    + "): the LMS's clock is off.");
        }
    }

    private static boolean instructor(JWTClaimsSet claims) {
        Object roles = claims.getClaim(CLAIM + "roles");
        return roles instanceof List<?> list && list.stream().map(String::valueOf)
                .anyMatch(LaunchClaims::instructorRole);
    }

    private static Map<String, String> custom(JWTClaimsSet claims) {
        Map<String, String> custom = new LinkedHashMap<>();
        object(claims, CLAIM + "custom").forEach((key, value) -> {
            if (value != null) {
                custom.put(key, value.toString());
            }
        });
        return custom;
    }

    private static String lineItem(JWTClaimsSet claims) {
        Map<String, Object> endpoint = object(claims, AGS_ENDPOINT);
        Object scopes = endpoint.get("scope");
        boolean scored = scopes instanceof List<?> list && list.contains(SCORE_SCOPE);
        return scored ? text(endpoint, "lineitem") : "";
    }

    private static Map<String, Object> object(JWTClaimsSet claims, String name) {
        try {
            Map<String, Object> value = claims.getJSONObjectClaim(name);
            return value == null ? Map.of() : value;
        } catch (ParseException e) {
            throw new LaunchRefused(400, "The claim " + name + " is not a JSON object.");
        }
    }

    private static String text(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value == null ? "" : value.toString();
    }

    private static String text(Map<String, Object> object, String name) {
        Object value = object.get(name);
        return value == null ? "" : value.toString();
    }
}
