package org.nnlab.grader.run;

import java.util.stream.IntStream;
import org.nnlab.datasets.Dataset;
import org.nnlab.datasets.LabeledData;
import org.nnlab.datasets.obtain.DatasetLoader;
import org.nnlab.datasets.scaling.Scaling;
import org.nnlab.datasets.split.ScaledSplit;
import org.nnlab.datasets.split.SplitFractions;
import org.nnlab.datasets.split.SplitPart;
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
     * @return the lab's three parts, prepared exactly as the student kit prepares the first two
     */
    public static LabData prepare(Lab lab, DatasetLoader loader) {
        Dataset dataset = loader.load(lab.dataset());
        Lab.SplitSpec spec = lab.split();
        ScaledSplit parts = ScaledSplit.of(dataset, new SplitFractions(spec.train(), spec.validation(), spec.test()),
                spec.seed(), Scaling.valueOf(lab.scaling().name()));
        return new LabData(dataset.spec().sha256(), parts.part(SplitPart.TRAIN), parts.part(SplitPart.VALIDATION),
                parts.part(SplitPart.TEST));
    }

    /**
     * @param rows how many rows
     * @return the first {@code rows} rows of the training part (all of them when it has fewer): the first rows of
     *     the solution's {@code ctx.trainingSet()}, in the same order
     */
    public LabeledData trainingSubset(int rows) {
        return train.subset(IntStream.range(0, Math.min(rows, train.rows())).toArray());
    }
}
