package org.nnlab.platform.api.token;

/**
 * A token just made: its secret is shown once, then only its hash is kept.
 *
 * @param token  the stored token
 * @param secret the secret to send as {@code Authorization: Bearer SECRET}
 */
public record NewToken(AccessToken token, String secret) {
}
