package org.nnlab.datasets.split;

/**
 * The SplitMix64 generator (Steele, Lea and Flood, 2014; the reference C code by Vigna), written out here so
 * that a split depends on nothing but its seed: the same seed gives the same numbers on every JDK and can be
 * reproduced in any language. Its sequence equals that of {@code new java.util.SplittableRandom(seed).nextLong()}.
 */
public final class SplitMix64 {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private long state;

    /** @param seed the starting state */
    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** @return the next 64 pseudo-random bits */
    public long nextLong() {
        long z = (state += GOLDEN_GAMMA);
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * An unbiased integer in {@code [0, bound)}: the top 31 bits of {@link #nextLong()}, drawn again while they fall
     * in the incomplete last block.
     *
     * @param bound exclusive upper limit, positive
     * @return a uniformly distributed integer below {@code bound}
     */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        while (true) {
            int bits = (int) (nextLong() >>> 33);
            int value = bits % bound;
            if (bits - value + (bound - 1) >= 0) {
                return value;
            }
        }
    }

    /** Shuffles {@code values} in place with the Fisher-Yates (Durstenfeld) algorithm, last position first. */
    public void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
