package org.nnlab.grader.check;

import java.math.BigDecimal;
import java.math.MathContext;

/** How numbers appear in check messages, and the tolerance comparisons the checks share. */
final class Numbers {
    private Numbers() {
    }

    /** @return e.g. {@code 98.5%} */
    static String percent(double fraction) {
        return Double.isFinite(fraction) ? new BigDecimal(fraction * 100).round(new MathContext(3)).stripTrailingZeros()
                .toPlainString() + "%" : String.valueOf(fraction);
    }

    /** @return a short form with four significant digits, e.g. {@code 0.001} or {@code 0.0001} */
    static String show(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** @return whether {@code actual} is within {@code relative} of {@code expected}, relatively */
    static boolean close(double actual, double expected, double relative) {
        return Math.abs(actual - expected) <= relative * Math.abs(expected);
    }
}
