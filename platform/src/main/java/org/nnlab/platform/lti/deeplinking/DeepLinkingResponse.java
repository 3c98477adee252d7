package org.nnlab.platform.lti.deeplinking;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An {@code LtiDeepLinkingResponse} (Deep Linking 2.0, 4.2) with one {@code ltiResourceLink}: a lab, with the custom
 * parameter {@code lab} and a line item for its points.
 *
 * @param clientId     the tool's client id (the issuer of the response)
 * @param issuer       the LMS's issuer (its audience)
 * @param deploymentId the deployment of the request
 * @param data         the request's opaque data, echoed when not empty
 * @param labId        the lab chosen
 * @param title        its title
 * @param url          its target link URI
 * @param maxScore     its points
 */
public record DeepLinkingResponse(String clientId, String issuer, String deploymentId, String data, String labId,
                                  String title, String url, double maxScore) {
    private static final String CLAIM = "https://purl.imsglobal.org/spec/lti/claim/";
    private static final String DL_CLAIM = "https://purl.imsglobal.org/spec/lti-dl/claim/";

    /** @return the claims to sign, issued at {@code now} and valid for five minutes */
    public JWTClaimsSet claims(Instant now) {
        Map<String, Object> lineItem = new LinkedHashMap<>();
        lineItem.put("scoreMaximum", maxScore);
        lineItem.put("label", title);
        lineItem.put("resourceId", labId);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", "ltiResourceLink");
        item.put("title", title);
        item.put("url", url);
        item.put("custom", Map.of("lab", labId));
        item.put("lineItem", lineItem);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(clientId).audience(issuer)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", UUID.randomUUID().toString())
                .claim(CLAIM + "message_type", "LtiDeepLinkingResponse").claim(CLAIM + "version", "1.3.0")
                .claim(CLAIM + "deployment_id", deploymentId).claim(DL_CLAIM + "content_items", List.of(item));
        if (!data.isEmpty()) {
            claims.claim(DL_CLAIM + "data", data);
        }
        return claims.build();
    }
}
