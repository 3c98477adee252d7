package org.nnlab.datasets.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitMix64Test {

    @Test
    void theFirstOutputsMatchTheReferenceImplementation() {
        SplitMix64 random = new SplitMix64(1234567);

        assertEquals(6457827717110365317L, random.nextLong());
        assertEquals(3203168211198807973L, random.nextLong());
        assertEquals(-8629252141511181193L, random.nextLong());
    }

    @Test
    void theSequenceEqualsTheJdksSplittableRandom() {
        SplitMix64 ours = new SplitMix64(42);
        SplittableRandom jdk = new SplittableRandom(42);

        for (int i = 0; i < 1000; i++) {
            assertEquals(jdk.nextLong(), ours.nextLong());
        }
    }

    @Test
    void nextIntStaysBelowItsBoundAndReachesEveryValue() {
        SplitMix64 random = new SplitMix64(7);
        int[] seen = new int[5];

        for (int i = 0; i < 1000; i++) {
            seen[random.nextInt(5)]++;
        }

        assertTrue(Arrays.stream(seen).allMatch(n -> n > 150), Arrays.toString(seen));
        assertThrows(IllegalArgumentException.class, () -> random.nextInt(0));
    }

    @Test
    void shuffleIsAPermutationThatDependsOnlyOnTheSeed() {
        int[] first = IntStream.range(0, 100).toArray();
        int[] second = first.clone();

        new SplitMix64(3).shuffle(first);
        new SplitMix64(3).shuffle(second);

        assertArrayEquals(first, second);
        assertArrayEquals(IntStream.range(0, 100).toArray(), IntStream.of(first).sorted().toArray());
        assertTrue(!Arrays.equals(IntStream.range(0, 100).toArray(), first), "the order changed");
    }
}
