package org.nnlab.grader.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nnlab.datasets.LabeledData;
import org.nnlab.datasets.scaling.Scaling;
import org.nnlab.grader.lab.Lab;

class LabDataTest {

    @Test
    void everyScalingALabFileMayNameIsTheDatasetsScalingOfTheSameName() {
        for (Lab.Scaling scaling : Lab.Scaling.values()) {
            assertEquals(scaling.name(), Scaling.valueOf(scaling.name()).name());
        }
        assertEquals(Lab.Scaling.values().length, Scaling.values().length);
    }

    @Test
    void theTrainingSubsetIsTheFirstRowsOfTheTrainingPartInOrder() {
        LabeledData train = new LabeledData(new float[] {0, 1, 2, 3, 4, 5, 6, 7}, new int[] {1, 0, 1, 0}, 2, 2);
        LabData data = new LabData("sha", train, train, train);

        LabeledData first = data.trainingSubset(3);

        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, first.features());
        assertArrayEquals(new int[] {1, 0, 1}, first.labels());
        assertEquals(4, data.trainingSubset(10).rows());
    }
}
