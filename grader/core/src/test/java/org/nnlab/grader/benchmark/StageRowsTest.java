package org.nnlab.grader.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StageRowsTest {

    @Test
    void whatNoStageTimesIsTheSandboxsTimeFromItsJobLessTheHarnessTimings() {
        Measurements rows = new Measurements();
        StageRows.addGrading(rows, Map.of("trainingSandboxMillis", 10_000L, "harness.backendStartMillis", 1_000L,
                "harness.trainingMillis", 7_500L, "harness.savingMillis", 500L, "harness.trainingMillis.A", 4_000L,
                "trainingSandboxPeakMb", 600L), 15_000);

        assertEquals(15_000, rows.get(StageRows.END_TO_END).orElseThrow().median());
        assertEquals(2_000, rows.get("    reading the job and rows, exit").orElseThrow().median());
        assertEquals(1_000, rows.get("  ND4J start before the job: training JVM").orElseThrow().median());
        assertEquals(4_000, rows.get("    training A (epochs + per-epoch validation)").orElseThrow().median());
        assertEquals("MB", rows.get(StageRows.TRAINING_PEAK).orElseThrow().unit());
        assertTrue(rows.get("  evaluation sandbox, from its job to its end").isEmpty());
        assertTrue(rows.get("    reading the job and inputs, exit").isEmpty());
    }

    @Test
    void theFloorIsTheInProcessTrainingTime() {
        Measurements rows = new Measurements();
        StageRows.addFloor(rows, Map.of("harness.trainingMillis", 8_000L, "harness.trainingMillis.B", 3_000L));
        assertEquals(8_000, rows.get(StageRows.FLOOR_TRAINING).orElseThrow().median());
        assertEquals(3_000, rows.get(StageRows.FLOOR_TRAINING_OF + "B").orElseThrow().median());
    }
}
