package org.nnlab.platform.lti.launch;

import java.util.Map;

/**
 * What a validated launch says.
 *
 * @param messageType     {@code LtiResourceLinkRequest} or {@code LtiDeepLinkingRequest}
 * @param deploymentId    the deployment it came through
 * @param subject         the user's id at the LMS ({@code sub})
 * @param name            the user's name, or empty
 * @param instructor      whether the LMS's roles make the user an instructor (Instructor or Administrator)
 * @param targetLinkUri   the URI the launch is for, or empty
 * @param custom          the custom parameters, e.g. {@code lab}
 * @param lineItem        the AGS line item URL to post scores to, or empty (no score scope, or no line item)
 * @param deepLinkReturn  for deep linking: where the response goes, else empty
 * @param deepLinkData    for deep linking: the opaque data to send back, or empty
 */
public record LaunchClaims(String messageType, String deploymentId, String subject, String name, boolean instructor,
                           String targetLinkUri, Map<String, String> custom, String lineItem, String deepLinkReturn,
                           String deepLinkData) {
    /** The message type of a launch to a resource (a lab). */
    public static final String RESOURCE_LINK = "LtiResourceLinkRequest";
    /** The message type of a launch to choose content (deep linking). */
    public static final String DEEP_LINKING = "LtiDeepLinkingRequest";

    /** @return whether it is a deep-linking request */
    public boolean deepLinking() {
        return DEEP_LINKING.equals(messageType);
    }

    /** @return the lab the launch asks for: the custom {@code lab}, else the target link URI's {@code /labs/ID} */
    public String labId() {
        String lab = custom.getOrDefault("lab", "");
        if (!lab.isEmpty()) {
            return lab;
        }
        int at = targetLinkUri.indexOf("/labs/");
        if (at < 0) {
            return "";
        }
        String rest = targetLinkUri.substring(at + "/labs/".length());
        return rest.split("[/?#]", 2)[0];
    }

    /**
     * @return whether an LIS role (LTI Core, Appendix A) makes an instructor: Instructor or Administrator, of the
     *     context, the institution or the system, or the short names the spec still allows
     */
    static boolean instructorRole(String role) {
        return role.equals("Instructor") || role.equals("Administrator")
                || role.startsWith("http://purl.imsglobal.org/vocab/lis/v2/") && (role.endsWith("#Instructor")
                || role.endsWith("#Administrator"));
    }
}
