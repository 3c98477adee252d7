package org.nnlab.datasets.scaling;

import org.nnlab.datasets.LabeledData;

/**
 * Subtracts each feature's mean and divides by its standard deviation, both measured on the training part only
 * so that nothing of the validation or test parts leaks into training. A feature that is constant in the training
 * part (a blank corner pixel) is only centred.
 */
public final class Standardizer implements FeatureScaler {
    private final double[] means;
    private final double[] deviations;

    private Standardizer(double[] means, double[] deviations) {
        this.means = means;
        this.deviations = deviations;
    }

    /**
     * @param training the training part
     * @return a standardizer with the training part's per-feature mean and population standard deviation
     */
    public static Standardizer fit(LabeledData training) {
        if (training.rows() == 0) {
            throw new IllegalArgumentException("cannot fit a standardizer on an empty training part");
        }
        int width = training.featureCount();
        float[] x = training.features();
        double[] means = new double[width];
        double[] deviations = new double[width];
        for (int i = 0; i < x.length; i++) {
            means[i % width] += x[i];
        }
        for (int j = 0; j < width; j++) {
            means[j] /= training.rows();
        }
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - means[i % width];
            deviations[i % width] += d * d;
        }
        for (int j = 0; j < width; j++) {
            double deviation = Math.sqrt(deviations[j] / training.rows());
            deviations[j] = deviation > 1e-12 ? deviation : 1;
        }
        return new Standardizer(means, deviations);
    }

    /** @return the training mean of each feature */
    public double[] means() {
        return means.clone();
    }

    /** @return the training standard deviation of each feature (1 for constant features) */
    public double[] deviations() {
        return deviations.clone();
    }

    @Override
    public LabeledData apply(LabeledData data) {
        if (data.featureCount() != means.length) {
            throw new IllegalArgumentException("fitted on " + means.length + " features, got " + data.featureCount());
        }
        float[] x = data.features();
        int width = means.length;
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) ((x[i] - means[i % width]) / deviations[i % width]);
        }
        return data.withFeatures(x);
    }
}
