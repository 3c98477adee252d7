package org.nnlab.kit;

import java.nio.file.Path;
import org.nnlab.datasets.Dataset;
import org.nnlab.datasets.LabeledData;
import org.nnlab.datasets.obtain.CacheSource;
import org.nnlab.datasets.obtain.DatasetLoader;
import org.nnlab.datasets.scaling.Scaling;
import org.nnlab.datasets.split.ScaledSplit;
import org.nnlab.datasets.split.SplitFractions;
import org.nnlab.datasets.split.SplitPart;
import org.nnlab.harness.train.TrainingInputs;
import org.nnlab.protocol.KitDescriptor;
import org.nnlab.protocol.Matrix;

/**
 * A kit's data: the descriptor's data set, split and scaled by the same code as the grader's, so that a solution
 * trains on exactly the rows it is graded with. Only the training and validation parts are ever cut: the test part
 * stays with the grader.
 *
 * @param dataset the verified data set
 * @param inputs  what the solution trains with
 */
record KitData(Dataset dataset, TrainingInputs inputs) {
    /** The folder of a kit that holds its data files. */
    static final String DATA_FOLDER = "data";

    /**
     * @param descriptor the kit's descriptor
     * @param kit        the kit's folder; its {@code data/} is tried before the standard sources
     * @return the training and validation parts
     * @throws org.nnlab.datasets.DatasetException when the data set cannot be had or fails its checksum
     */
    static KitData load(KitDescriptor descriptor, Path kit) {
        Dataset dataset = DatasetLoader.preferring(new CacheSource(kit.resolve(DATA_FOLDER), "the kit's data folder"))
                .load(descriptor.dataset());
        KitDescriptor.Split split = descriptor.split();
        ScaledSplit parts = ScaledSplit.of(dataset, new SplitFractions(split.train(), split.validation(),
                split.test()), split.seed(), Scaling.parse(descriptor.scaling()));
        return new KitData(dataset, new TrainingInputs(split.seed(), descriptor.parameters(), descriptor.runs(),
                dataset.spec().classes(), matrix(parts.part(SplitPart.TRAIN)),
                matrix(parts.part(SplitPart.VALIDATION))));
    }

    private static Matrix matrix(LabeledData part) {
        return new Matrix(part.rows(), part.featureCount(), part.features(), part.labels());
    }
}
