package org.nnlab.platform.api.rest;

/**
 * The body of every refusal.
 *
 * @param error   a short machine-readable reason
 * @param message what is wrong, for a person
 */
public record ApiError(String error, String message) {
}
