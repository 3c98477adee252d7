package org.nnlab.platform.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GradingWorkersTest {
    @Test
    void autoMeansWhatTheCallerSays() {
        assertEquals(2, GradingWorkers.count("nnlab.grading.workers", "auto", 2));
    }

    @Test
    void aNumberIsTakenAsItIsAndZeroLeavesGradingToWorkersOfTheirOwn() {
        assertEquals(3, GradingWorkers.count("nnlab.grading.workers", " 3", 2));
        assertEquals(0, GradingWorkers.count("nnlab.grading.spares", "0", 2));
    }

    @Test
    void anythingElseIsRefusedNamingTheSetting() {
        assertEquals("nnlab.grading.workers must be auto or a whole number from 0, not -1", assertThrows(
                IllegalArgumentException.class, () -> GradingWorkers.count("nnlab.grading.workers", "-1", 2))
                .getMessage());
        assertThrows(IllegalArgumentException.class, () -> GradingWorkers.count("nnlab.grading.spares", "many", 2));
    }
}
