package org.nnlab.datasets.split;

import org.nnlab.datasets.Dataset;
import org.nnlab.datasets.LabeledData;
import org.nnlab.datasets.scaling.FeatureScaler;
import org.nnlab.datasets.scaling.Scaling;

/**
 * A data set split and scaled as a lab says: the one preparation the grader and the student kit share, so that
 * both hand a solution the same training and validation rows with the same features. A part is only cut and
 * scaled when asked for, so a caller that never asks for the test part never holds it.
 */
public final class ScaledSplit {
    private final Dataset dataset;
    private final Split split;
    private final FeatureScaler scaler;

    private ScaledSplit(Dataset dataset, Split split, FeatureScaler scaler) {
        this.dataset = dataset;
        this.split = split;
        this.scaler = scaler;
    }

    /**
     * @param dataset   the verified data set
     * @param fractions the size of each part
     * @param seed      the seed of the stratified split
     * @param scaling   how features are scaled; statistics come from the training part only
     * @return the prepared split
     */
    public static ScaledSplit of(Dataset dataset, SplitFractions fractions, long seed, Scaling scaling) {
        Split split = new StratifiedSplitter(fractions, seed).split(dataset.data());
        FeatureScaler scaler = scaling.fit(dataset.spec(), split.part(dataset.data(), SplitPart.TRAIN));
        return new ScaledSplit(dataset, split, scaler);
    }

    /** @return the rows of one part, in ascending row order, with scaled features */
    public LabeledData part(SplitPart part) {
        return scaler.apply(split.part(dataset.data(), part));
    }

    /** @return the row indices of the split, e.g. for its fingerprint */
    public Split split() {
        return split;
    }

    /** @return the data set the parts come from */
    public Dataset dataset() {
        return dataset;
    }
}
