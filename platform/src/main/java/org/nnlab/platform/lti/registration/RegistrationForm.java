package org.nnlab.platform.lti.registration;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import org.nnlab.platform.web.InputException;

/**
 * An LMS registration as an instructor types it.
 *
 * @param courseCode    the instructor's course launches enrol into
 * @param issuer        the LMS's issuer identifier: an https URL (http only for localhost)
 * @param clientId      the client id the LMS gave the tool
 * @param deploymentIds the deployment ids, at least one
 * @param authUrl       the LMS's OIDC authorization endpoint
 * @param tokenUrl      the LMS's access-token endpoint
 * @param jwksUrl       the URL of the LMS's JWK set
 */
public record RegistrationForm(String courseCode, String issuer, String clientId, List<String> deploymentIds,
                               String authUrl, String tokenUrl, String jwksUrl) {

    /**
     * Reads the form's fields, trimmed; deployment ids one per line or comma-separated.
     *
     * @return the form
     */
    public static RegistrationForm of(String courseCode, String issuer, String clientId, String deploymentIds,
                                      String authUrl, String tokenUrl, String jwksUrl) {
        return new RegistrationForm(trim(courseCode), trim(issuer), trim(clientId),
                Arrays.stream(trim(deploymentIds).split("[,\\s]+")).filter(d -> !d.isEmpty()).distinct().toList(),
                trim(authUrl), trim(tokenUrl), trim(jwksUrl));
    }

    /**
     * @return this form
     * @throws InputException naming the first field that cannot be used, and why
     */
    public RegistrationForm validated() {
        url("Issuer", issuer);
        if (clientId.isEmpty() || clientId.length() > 255) {
            throw new InputException("Client ID: give the client id the LMS shows for the tool (at most 255 "
                    + "characters).");
        }
        if (deploymentIds.isEmpty()) {
            throw new InputException("Deployment ID: give at least one deployment id the LMS shows for the tool.");
        }
        if (String.join("\n", deploymentIds).length() > 2000
                || deploymentIds.stream().anyMatch(d -> d.length() > 255)) {
            throw new InputException("Deployment ID: at most 255 characters each, 2000 in all.");
        }
        url("OIDC authentication URL", authUrl);
        url("Access token URL", tokenUrl);
        url("Public keyset URL", jwksUrl);
        return this;
    }

    private static void url(String field, String value) {
        if (value.isEmpty()) {
            throw new InputException(field + ": required.");
        }
        if (value.length() > 500) {
            throw new InputException(field + ": at most 500 characters.");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new InputException(field + ": '" + value + "' is not a URL (" + e.getReason() + ").");
        }
        boolean local = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
        if (uri.getHost() == null || !("https".equals(uri.getScheme()) || local && "http".equals(uri.getScheme()))) {
            throw new InputException(field + ": '" + value + "' must be an https URL (http only for localhost).");
        }
        if (uri.getFragment() != null) {
            throw new InputException(field + ": '" + value + "' must not have a #fragment.");
        }
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
