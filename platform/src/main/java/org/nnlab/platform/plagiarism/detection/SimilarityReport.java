package org.nnlab.platform.plagiarism.detection;

import java.util.List;

/**
 * What a similarity check found.
 *
 * @param pairs   every pair of the compared submissions, most alike first
 * @param skipped the students whose submissions JPlag could not parse, each with why
 */
public record SimilarityReport(List<PairFinding> pairs, List<String> skipped) {
}
