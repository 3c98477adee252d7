package org.nnlab.platform.api.token;

import java.util.Set;

/**
 * Who a request to {@code /api/} comes from, by its token.
 *
 * @param tokenId  the token's id
 * @param username its owner
 * @param roles    its owner's roles
 * @param scopes   what the token may do
 */
public record TokenCaller(String tokenId, String username, Set<String> roles, Set<Scope> scopes) {
    /** The request attribute that holds the caller of an authenticated API request. */
    public static final String ATTRIBUTE = "nnlab.api.caller";
    /** The request attribute that says why a request's token was refused. */
    public static final String REFUSAL = "nnlab.api.refusal";
}
