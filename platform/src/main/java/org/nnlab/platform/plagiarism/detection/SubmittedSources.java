package org.nnlab.platform.plagiarism.detection;

import java.util.Map;

/**
 * One student's latest submission to a lab, as the similarity check compares it.
 *
 * @param student      the author's login name
 * @param submissionId the submission
 * @param files        its files: path to text
 */
public record SubmittedSources(String student, String submissionId, Map<String, String> files) {
}
