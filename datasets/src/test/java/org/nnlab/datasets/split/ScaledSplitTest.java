package org.nnlab.datasets.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.datasets.Dataset;
import org.nnlab.datasets.DatasetFormat;
import org.nnlab.datasets.DatasetSpec;
import org.nnlab.datasets.LabeledData;
import org.nnlab.datasets.scaling.Scaling;
import org.nnlab.datasets.scaling.Standardizer;

class ScaledSplitTest {
    private static final SplitFractions HALVES = new SplitFractions(0.5, 0.25, 0.25);
    /** Eight rows, two classes, one feature: the row's index times two. */
    private final LabeledData data = new LabeledData(new float[] {0, 2, 4, 6, 8, 10, 12, 14},
            new int[] {0, 1, 0, 1, 0, 1, 0, 1}, 1, 2);
    private final Dataset dataset = new Dataset(new DatasetSpec("tiny", null, "tiny.csv.gz", "0".repeat(64), 1,
            DatasetFormat.CSV_GZIP_LABEL_LAST, 8, 1, 2, 16, new DatasetSpec.Sources(null, null, null, null, null)),
            data, Path.of("tiny.csv.gz"), "test");

    @Test
    void eachPartHasTheRowsOfTheStratifiedSplitWithTheSameSeed() {
        ScaledSplit parts = ScaledSplit.of(dataset, HALVES, 7, Scaling.NONE);
        Split split = new StratifiedSplitter(HALVES, 7).split(data);

        for (SplitPart part : SplitPart.values()) {
            assertArrayEquals(split.part(data, part).features(), parts.part(part).features(), part.name());
            assertArrayEquals(split.part(data, part).labels(), parts.part(part).labels(), part.name());
        }
        assertEquals(split, parts.split());
    }

    @Test
    void maxScalingDividesEveryPartByTheDatasetsMaximum() {
        ScaledSplit parts = ScaledSplit.of(dataset, HALVES, 7, Scaling.MAX);
        Split split = new StratifiedSplitter(HALVES, 7).split(data);

        float[] raw = split.part(data, SplitPart.VALIDATION).features();
        float[] scaled = parts.part(SplitPart.VALIDATION).features();
        for (int i = 0; i < raw.length; i++) {
            assertEquals(raw[i] / 16, scaled[i], 1e-7);
        }
    }

    @Test
    void standardizationUsesTheStatisticsOfTheTrainingPartForEveryPart() {
        ScaledSplit parts = ScaledSplit.of(dataset, HALVES, 7, Scaling.STANDARDIZE);
        Split split = new StratifiedSplitter(HALVES, 7).split(data);
        Standardizer fitted = Standardizer.fit(split.part(data, SplitPart.TRAIN));

        for (SplitPart part : List.of(SplitPart.TRAIN, SplitPart.VALIDATION, SplitPart.TEST)) {
            assertArrayEquals(fitted.apply(split.part(data, part)).features(), parts.part(part).features(),
                    part.name());
        }
    }
}
