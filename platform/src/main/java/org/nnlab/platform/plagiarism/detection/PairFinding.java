package org.nnlab.platform.plagiarism.detection;

import java.util.List;

/**
 * Two students' submissions and how alike JPlag found them.
 *
 * @param first      the first student's submission
 * @param second     the second student's submission
 * @param average    the share of both submissions' tokens that match, 0 to 1
 * @param maximum    the larger of the two shares (one submission may be contained in the other), 0 to 1
 * @param regions    the matched lines
 */
public record PairFinding(SubmittedSources first, SubmittedSources second, double average, double maximum,
                          List<MatchedRegion> regions) {
}
