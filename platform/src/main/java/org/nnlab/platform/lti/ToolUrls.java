package org.nnlab.platform.lti;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The tool's LTI URLs, as an LMS registers them: under the address the request came to (a proxy in front of the
 * platform must pass the original Host and scheme on).
 *
 * @param base the platform's address, e.g. {@code https://nnlab.example.org}
 */
public record ToolUrls(String base) {

    /** @return the URLs of the platform the request came to */
    public static ToolUrls of(HttpServletRequest request) {
        int port = request.getServerPort();
        boolean defaultPort = "https".equals(request.getScheme()) && port == 443
                || "http".equals(request.getScheme()) && port == 80;
        return new ToolUrls(request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port)
                + request.getContextPath());
    }

    /** @return the OIDC login initiation URL */
    public String login() {
        return base + "/lti/login";
    }

    /** @return the launch (redirect) URL the id token is posted to */
    public String launch() {
        return base + "/lti/launch";
    }

    /** @return the URL of the tool's JWK set */
    public String jwks() {
        return base + "/lti/jwks";
    }

    /** @return the deep-linking URL (the launch URL: the message type tells the two apart) */
    public String deepLinking() {
        return launch();
    }

    /** @return the target link URI of a lab */
    public String lab(String labId) {
        return base + "/labs/" + labId;
    }
}
