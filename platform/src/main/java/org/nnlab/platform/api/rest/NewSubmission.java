package org.nnlab.platform.api.rest;

import java.util.Map;

/**
 * A submission sent to the API.
 *
 * @param files   file name to Java source, e.g. {@code {"Solution.java": "..."}}
 * @param answers the lab's answers by id, e.g. {@code {"reflection": "..."}}
 */
public record NewSubmission(Map<String, String> files, Map<String, String> answers) {
}
