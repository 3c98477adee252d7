package org.nnlab.datasets.scaling;

import org.nnlab.datasets.LabeledData;

/** A fixed transformation of features, fitted beforehand; labels are left as they are. */
public interface FeatureScaler {

    /** @return the same examples with scaled features */
    LabeledData apply(LabeledData data);
}
