package org.nnlab.platform.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nnlab.grader.run.Spares;

class GradingWorkersTest {
    @Test
    void autoMeansWhatTheCallerSays() {
        assertEquals(2, GradingWorkers.count("nnlab.grading.workers", "auto", 2));
    }

    @Test
    void aNumberIsTakenAsItIsAndZeroLeavesGradingToWorkersOfTheirOwn() {
        assertEquals(3, GradingWorkers.count("nnlab.grading.workers", " 3", 2));
        assertEquals(0, GradingWorkers.count("nnlab.grading.workers", "0", 2));
    }

    @Test
    void autoSparesGrowAfterABurstAndANumberOfSparesIsKeptBurstOrNot() {
        assertEquals(Spares.auto(2), GradingWorkers.spares("auto", 2));
        assertEquals(2, GradingWorkers.spares("auto", 2).steady());
        assertEquals(Spares.fixed(3), GradingWorkers.spares("3", 2));
        assertEquals(Spares.NONE, GradingWorkers.spares("0", 2));
    }

    @Test
    void anythingElseIsRefusedNamingTheSetting() {
        assertEquals("nnlab.grading.workers must be auto or a whole number from 0, not -1", assertThrows(
                IllegalArgumentException.class, () -> GradingWorkers.count("nnlab.grading.workers", "-1", 2))
                .getMessage());
        assertEquals("nnlab.grading.spares must be auto or a whole number from 0, not many", assertThrows(
                IllegalArgumentException.class, () -> GradingWorkers.spares("many", 2)).getMessage());
    }
}
