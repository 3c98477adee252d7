package org.nnlab.platform.plagiarism.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimilarityDetectorTest {
    private static final String SKELETON = """
            import java.util.List;

            public class Solution {
                public static void main(String[] args) {
                    System.out.println("Lab 1: sorting and statistics");
                    System.out.println("Fill in the methods below and run the tests.");
                    int[] sample = {5, 3, 9, 1, 7};
                    System.out.println(java.util.Arrays.toString(sample));
                }
            """;

    private static final String ORIGINAL = SKELETON + """
                static int[] sort(int[] values) {
                    int[] sorted = values.clone();
                    for (int i = 1; i < sorted.length; i++) {
                        int current = sorted[i];
                        int j = i - 1;
                        while (j >= 0 && sorted[j] > current) {
                            sorted[j + 1] = sorted[j];
                            j--;
                        }
                        sorted[j + 1] = current;
                    }
                    return sorted;
                }

                static double mean(int[] values) {
                    double sum = 0;
                    for (int value : values) {
                        sum += value;
                    }
                    return values.length == 0 ? 0 : sum / values.length;
                }

                static double variance(int[] values) {
                    double m = mean(values);
                    double total = 0;
                    for (int value : values) {
                        total += (value - m) * (value - m);
                    }
                    return values.length == 0 ? 0 : total / values.length;
                }
            }
            """;

    private static final String RENAMED = ORIGINAL.replace("sorted", "arr").replace("current", "key")
            .replace("values", "data").replace("total", "acc").replace("sum", "s").replace("value", "x");

    private static final String UNRELATED = SKELETON + """
                static int[] sort(int[] input) {
                    return java.util.stream.IntStream.of(input).sorted().toArray();
                }

                static double mean(int[] input) {
                    return java.util.stream.IntStream.of(input).average().orElse(0);
                }

                static double variance(int[] input) {
                    java.util.DoubleSummaryStatistics stats = new java.util.DoubleSummaryStatistics();
                    java.util.stream.IntStream.of(input).forEach(n -> stats.accept(Math.pow(n - mean(input), 2)));
                    return stats.getAverage();
                }
            }
            """;

    private final SimilarityDetector detector = new SimilarityDetector();

    private static SubmittedSources submission(String student, String source) {
        return new SubmittedSources(student, student + "-id", Map.of("Solution.java", source));
    }

    @Test
    void aCopiedAndRenamedSolutionScoresHighAndAnUnrelatedOneLow() {
        SimilarityReport report = detector.compare(List.of(submission("ann", ORIGINAL), submission("bob", RENAMED),
                submission("cid", UNRELATED)), Map.of("Solution.java", SKELETON + "}\n"));

        assertEquals(3, report.pairs().size(), report.toString());
        PairFinding top = report.pairs().get(0);
        assertEquals(List.of("ann", "bob"), List.of(top.first().student(), top.second().student()).stream().sorted()
                .toList());
        assertTrue(top.average() > 0.8, () -> "copy scores " + top.average());
        for (PairFinding other : report.pairs().subList(1, 3)) {
            assertTrue(other.average() < 0.3, () -> other.first().student() + "/" + other.second().student()
                    + " scores " + other.average());
        }
        assertFalse(top.regions().isEmpty());
        assertTrue(report.skipped().isEmpty(), report.skipped().toString());
    }

    @Test
    void theBaseCodeIsNotCountedAsAMatch() {
        int skeletonLines = (int) SKELETON.lines().count();
        SimilarityReport report = detector.compare(List.of(submission("ann", ORIGINAL), submission("bob", RENAMED)),
                Map.of("Solution.java", SKELETON + "}\n"));

        List<MatchedRegion> regions = report.pairs().get(0).regions();
        assertFalse(regions.isEmpty());
        for (MatchedRegion region : regions) {
            assertTrue(region.startA() > skeletonLines && region.startB() > skeletonLines,
                    () -> "a match within the skeleton: " + region);
        }
        SimilarityReport withoutBase = detector.compare(List.of(submission("ann", ORIGINAL),
                submission("bob", RENAMED)), Map.of());
        assertTrue(withoutBase.pairs().get(0).regions().stream().anyMatch(r -> r.startA() <= skeletonLines),
                () -> "without base code the skeleton matches: " + withoutBase.pairs().get(0).regions());
    }

    @Test
    void aSubmissionThatCannotBeParsedIsSkippedWithoutFailingTheCheck() {
        SimilarityReport report = detector.compare(List.of(submission("ann", ORIGINAL), submission("bob", RENAMED),
                submission("dan", "public class Solution { void broken( { }")), Map.of());

        assertEquals(List.of("dan: JPlag cannot parse it"), report.skipped());
        assertEquals(1, report.pairs().size());
    }

    @Test
    void fewerThanTwoSubmissionsAreRefusedWithTheReason() {
        SimilarityException refused = assertThrows(SimilarityException.class, () -> detector.compare(
                List.of(submission("ann", ORIGINAL), new SubmittedSources("eve", "e", Map.of("notes.txt", "hi"))),
                Map.of()));

        assertEquals("A similarity check needs at least 2 submissions with Java sources; there is 1. "
                + "Skipped: eve: no Java file.", refused.getMessage());
    }
}
