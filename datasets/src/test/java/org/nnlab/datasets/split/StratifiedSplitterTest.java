package org.nnlab.datasets.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nnlab.datasets.LabeledData;
import org.nnlab.datasets.obtain.DatasetLoader;

class StratifiedSplitterTest {
    /** SHA-256 of the seed-42 70/15/15 split of digits: a change here means every lab's split changed. */
    private static final String DIGITS_SEED_42_FINGERPRINT =
            "2f6d64d67b3450628268309bd6e5effa1935697be3662c54e174717c5ce0f33c";
    private static LabeledData digits;

    @BeforeAll
    static void loadDigits() {
        digits = DatasetLoader.standard().load("digits").data();
    }

    @Test
    void theSeed42SplitOfDigitsHasTheGoldenFingerprint() {
        Split split = new StratifiedSplitter(SplitFractions.SEVENTY_FIFTEEN_FIFTEEN, 42).split(digits);

        assertEquals(DIGITS_SEED_42_FINGERPRINT, split.fingerprint());
        assertEquals(1259, split.size(SplitPart.TRAIN));
        assertEquals(270, split.size(SplitPart.VALIDATION));
        assertEquals(268, split.size(SplitPart.TEST));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, -5, Long.MAX_VALUE})
    void everyClassFollowsTheFractionsToWithinOneRow(long seed) {
        Split split = new StratifiedSplitter(SplitFractions.SEVENTY_FIFTEEN_FIFTEEN, seed).split(digits);
        int[] total = digits.classCounts();

        for (SplitPart part : SplitPart.values()) {
            int[] counts = split.part(digits, part).classCounts();
            for (int label = 0; label < total.length; label++) {
                double exact = SplitFractions.SEVENTY_FIFTEEN_FIFTEEN.of(part) * total[label];
                assertTrue(Math.abs(counts[label] - exact) < 1, part + " class " + label + ": " + counts[label]
                        + " rows for an exact share of " + exact);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 42, 2026})
    void thePartsAreDisjointAndCoverEveryRow(long seed) {
        Split split = new StratifiedSplitter(SplitFractions.SEVENTY_FIFTEEN_FIFTEEN, seed).split(digits);

        int[] all = IntStream.concat(IntStream.concat(IntStream.of(split.indices(SplitPart.TRAIN)),
                IntStream.of(split.indices(SplitPart.VALIDATION))), IntStream.of(split.indices(SplitPart.TEST)))
                .sorted().toArray();

        assertArrayEquals(IntStream.range(0, digits.rows()).toArray(), all);
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        StratifiedSplitter splitter = new StratifiedSplitter(SplitFractions.SEVENTY_FIFTEEN_FIFTEEN, 42);

        assertEquals(splitter.split(digits), splitter.split(digits));
        assertNotEquals(splitter.split(digits),
                new StratifiedSplitter(SplitFractions.SEVENTY_FIFTEEN_FIFTEEN, 43).split(digits));
    }

    @Test
    void theTestPartCanBeTakenAloneWithItsLabels() {
        Split split = new StratifiedSplitter(SplitFractions.SEVENTY_FIFTEEN_FIFTEEN, 42).split(digits);

        LabeledData test = split.part(digits, SplitPart.TEST);

        assertEquals(268, test.rows());
        int first = split.indices(SplitPart.TEST)[0];
        assertArrayEquals(digits.row(first), test.row(0));
        assertEquals(digits.label(first), test.label(0));
    }

    @Test
    void countsUseTheLargestRemainders() {
        StratifiedSplitter splitter = new StratifiedSplitter(SplitFractions.SEVENTY_FIFTEEN_FIFTEEN, 1);

        assertArrayEquals(new int[] {7, 2, 1}, splitter.counts(10));
        assertArrayEquals(new int[] {128, 28, 27}, splitter.counts(183));
        assertArrayEquals(new int[] {0, 0, 0}, splitter.counts(0));
        assertArrayEquals(new int[] {1, 0, 0}, splitter.counts(1));
    }

    @Test
    void labelsOutsideTheClassesAreRefused() {
        StratifiedSplitter splitter = new StratifiedSplitter(SplitFractions.SEVENTY_FIFTEEN_FIFTEEN, 1);

        assertThrows(IllegalArgumentException.class, () -> splitter.split(new int[] {0, 1, 3}, 3));
    }

    @Test
    void fractionsThatDoNotAddUpToOneAreRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new SplitFractions(0.7, 0.2, 0.2));

        assertTrue(error.getMessage().startsWith("split fractions must add up to 1"), error.getMessage());
    }
}
