package org.nnlab.platform.lti.launch;

import java.util.List;

/**
 * What a launch's id token must say, from the registration and the login it answers.
 *
 * @param issuer        the registered LMS's issuer
 * @param clientId      the client id it gave the tool
 * @param deploymentIds the registered deployment ids
 * @param nonce         the nonce of the login
 */
public record ExpectedLaunch(String issuer, String clientId, List<String> deploymentIds, String nonce) {
}
