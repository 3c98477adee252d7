package org.nnlab.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
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
}
