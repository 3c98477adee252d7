package org.nnlab.datasets.split;

/**
 * How large each part of a split is, as fractions that add up to one.
 *
 * @param train      fraction of each class in the training part
 * @param validation fraction of each class in the validation part
 * @param test       fraction of each class in the test part
 */
public record SplitFractions(double train, double validation, double test) {
    private static final double TOLERANCE = 1e-9;

    /** The 70 / 15 / 15 split the labs use. */
    public static final SplitFractions SEVENTY_FIFTEEN_FIFTEEN = new SplitFractions(0.70, 0.15, 0.15);

    /** Checks that each fraction lies in [0, 1] and that they add up to one. */
    public SplitFractions {
        for (double f : new double[] {train, validation, test}) {
            if (!(f >= 0 && f <= 1)) {
                throw new IllegalArgumentException("split fractions must lie in [0, 1], got " + f);
            }
        }
        if (Math.abs(train + validation + test - 1) > TOLERANCE) {
            throw new IllegalArgumentException("split fractions must add up to 1, got " + train + " + " + validation
                    + " + " + test + " = " + (train + validation + test));
        }
    }

    /** @return the fraction of one part */
    public double of(SplitPart part) {
        return switch (part) {
            case TRAIN -> train;
            case VALIDATION -> validation;
            case TEST -> test;
        };
    }
}
