package org.nnlab.protocol;

/**
 * Loss and accuracy of predicted class probabilities. The harness and the trusted side both use this one
 * definition, so a run's recorded metrics and the grader's own measurement of its saved network can be compared
 * exactly.
 */
public final class ClassificationMetrics {
    /** Probabilities are clamped to at least this before the logarithm, so a confident mistake costs ~16.1. */
    public static final double MIN_PROBABILITY = 1e-7;

    private ClassificationMetrics() {
    }

    /**
     * @param probabilities one row of class probabilities per example
     * @param labels        the true class of each example
     * @return mean of {@code -ln(p[label])}; NaN when any probability is NaN
     */
    public static double meanCrossEntropy(Matrix probabilities, int[] labels) {
        requireSameRows(probabilities, labels);
        double sum = 0;
        for (int row = 0; row < labels.length; row++) {
            double p = probabilities.get(row, labels[row]);
            sum -= Math.log(Double.isNaN(p) ? Double.NaN : Math.max(p, MIN_PROBABILITY));
        }
        return labels.length == 0 ? Double.NaN : sum / labels.length;
    }

    /**
     * @param probabilities one row of class probabilities per example
     * @param labels        the true class of each example
     * @return the fraction of examples whose most probable class (the first, on ties) is the true one
     */
    public static double accuracy(Matrix probabilities, int[] labels) {
        requireSameRows(probabilities, labels);
        int correct = 0;
        for (int row = 0; row < labels.length; row++) {
            if (predictedClass(probabilities, row) == labels[row]) {
                correct++;
            }
        }
        return labels.length == 0 ? Double.NaN : (double) correct / labels.length;
    }

    /** @return the column with the largest probability in one row; -1 when the row holds only NaN */
    public static int predictedClass(Matrix probabilities, int row) {
        int best = -1;
        float bestValue = Float.NEGATIVE_INFINITY;
        for (int column = 0; column < probabilities.columns(); column++) {
            float value = probabilities.get(row, column);
            if (value > bestValue) {
                bestValue = value;
                best = column;
            }
        }
        return best;
    }

    private static void requireSameRows(Matrix probabilities, int[] labels) {
        if (probabilities.rows() != labels.length) {
            throw new IllegalArgumentException(probabilities.rows() + " predictions for " + labels.length + " labels");
        }
    }
}
