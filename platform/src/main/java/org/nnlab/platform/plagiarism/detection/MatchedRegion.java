package org.nnlab.platform.plagiarism.detection;

/**
 * Lines of two submissions that JPlag found alike: one match, in one file of each side (lines count from 1).
 *
 * @param fileA     the file of the first student
 * @param startA    its first matched line
 * @param endA      its last matched line
 * @param fileB     the file of the second student
 * @param startB    its first matched line
 * @param endB      its last matched line
 * @param tokens    how many tokens the match spans
 */
public record MatchedRegion(String fileA, int startA, int endA, String fileB, int startB, int endB, int tokens) {
}
