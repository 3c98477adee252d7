package org.nnlab.platform.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GradingWorkersTest {
    @Test
    void autoStartsOneWorkerPerCore() {
        assertEquals(2, GradingWorkers.count("auto", 2));
    }

    @Test
    void aNumberIsTakenAsItIsAndZeroLeavesGradingToWorkersOfTheirOwn() {
        assertEquals(3, GradingWorkers.count(" 3", 2));
        assertEquals(0, GradingWorkers.count("0", 2));
    }

    @Test
    void anythingElseIsRefusedNamingTheSetting() {
        assertEquals("nnlab.grading.workers must be auto or a whole number from 0, not -1", assertThrows(
                IllegalArgumentException.class, () -> GradingWorkers.count("-1", 2)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> GradingWorkers.count("many", 2));
    }
}
