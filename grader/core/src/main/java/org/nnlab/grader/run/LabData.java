package org.nnlab.grader.run;

import org.nnlab.datasets.Dataset;
import org.nnlab.datasets.LabeledData;
import org.nnlab.datasets.obtain.DatasetLoader;
import org.nnlab.datasets.scaling.FeatureScaler;
import org.nnlab.datasets.scaling.MaxScaler;
import org.nnlab.datasets.scaling.Standardizer;
import org.nnlab.datasets.split.Split;
import org.nnlab.datasets.split.SplitFractions;
import org.nnlab.datasets.split.SplitPart;
import org.nnlab.datasets.split.StratifiedSplitter;
import org.nnlab.grader.lab.Lab;

/**
 * A lab's data, split and scaled as its lab file says. The test part stays here, on the trusted side: its features
 * go to the evaluation sandbox, its labels never leave.
 *
 * @param sha256     checksum of the data file the parts come from
 * @param train      the training part, scaled
 * @param validation the validation part, scaled with the training part's statistics where that applies
 * @param test       the hidden test part, scaled the same way
 */
public record LabData(String sha256, LabeledData train, LabeledData validation, LabeledData test) {

    /**
     * @param lab    the lab
     * @param loader where the data set comes from
     * @return the lab's three parts
     */
    public static LabData prepare(Lab lab, DatasetLoader loader) {
        Dataset dataset = loader.load(lab.dataset());
        Lab.SplitSpec spec = lab.split();
        Split split = new StratifiedSplitter(new SplitFractions(spec.train(), spec.validation(), spec.test()),
                spec.seed()).split(dataset.data());
        LabeledData train = split.part(dataset.data(), SplitPart.TRAIN);
        FeatureScaler scaler = switch (lab.scaling()) {
            case MAX -> new MaxScaler(dataset.spec().featureMax());
            case STANDARDIZE -> Standardizer.fit(train);
            case NONE -> data -> data;
        };
        return new LabData(dataset.spec().sha256(), scaler.apply(train),
                scaler.apply(split.part(dataset.data(), SplitPart.VALIDATION)),
                scaler.apply(split.part(dataset.data(), SplitPart.TEST)));
    }
}
