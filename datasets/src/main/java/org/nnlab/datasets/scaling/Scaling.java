package org.nnlab.datasets.scaling;

import org.nnlab.datasets.DatasetSpec;
import org.nnlab.datasets.LabeledData;

/** How a lab scales features before a solution sees them; lab files name it in lower case, e.g. {@code max}. */
public enum Scaling {
    /** Divided by the data set's maximum feature value, to [0, 1]. */
    MAX,
    /** Standardized with the training part's mean and standard deviation. */
    STANDARDIZE,
    /** Left as they are. */
    NONE;

    /**
     * @param name a scaling's name in any case, e.g. {@code max}
     * @return that scaling
     * @throws IllegalArgumentException naming the known scalings when there is none of that name
     */
    public static Scaling parse(String name) {
        for (Scaling scaling : values()) {
            if (scaling.name().equalsIgnoreCase(name)) {
                return scaling;
            }
        }
        throw new IllegalArgumentException("unknown scaling '" + name + "': must be one of max, standardize, none");
    }

    /**
     * @param spec     the data set, whose maximum feature value {@link #MAX} divides by
     * @param training the training part, whose statistics {@link #STANDARDIZE} uses
     * @return the scaler for every part of a split
     */
    public FeatureScaler fit(DatasetSpec spec, LabeledData training) {
        return switch (this) {
            case MAX -> new MaxScaler(spec.featureMax());
            case STANDARDIZE -> Standardizer.fit(training);
            case NONE -> data -> data;
        };
    }
}
