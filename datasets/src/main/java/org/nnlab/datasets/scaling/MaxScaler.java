package org.nnlab.datasets.scaling;

import org.nnlab.datasets.LabeledData;

/** Divides every feature by a fixed maximum, e.g. 16 for the digits pixels, so features lie in [0, 1]. */
public final class MaxScaler implements FeatureScaler {
    private final double max;

    /** @param max the largest possible feature value, positive */
    public MaxScaler(double max) {
        if (!(max > 0) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("maximum must be a positive finite number, got " + max);
        }
        this.max = max;
    }

    @Override
    public LabeledData apply(LabeledData data) {
        float[] x = data.features();
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (x[i] / max);
        }
        return data.withFeatures(x);
    }
}
