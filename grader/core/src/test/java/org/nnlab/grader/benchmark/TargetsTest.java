package org.nnlab.grader.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetsTest {

    @Test
    void eachTargetIsARatioOfMediansWithItsVerdict() {
        Measurements rows = new Measurements();
        for (double total : List.of(12_000.0, 13_000.0, 50_000.0)) {
            rows.add(StageRows.END_TO_END, "ms", total);
        }
        rows.add(StageRows.FLOOR_TRAINING, "ms", 10_000);
        rows.add(Targets.queueRow(1), "ms", 12_000);
        rows.add(Targets.queueRow(10), "ms", 60_000);
        rows.add(StageRows.SANDBOX_TRAINING, "ms", 3_600);
        rows.add(Targets.PEER_TRAINING, "ms", 4_000);
        rows.add(Targets.THROUGHPUT, "/min", 24);
        rows.add(Targets.PLATFORM_START, "ms", 9_000);
        rows.add(StageRows.TRAINING_PEAK, "MB", 512);

        List<TargetRatio> ratios = Targets.of(rows, 2);

        assertEquals(6, ratios.size(), ratios.toString());
        TargetRatio endToEnd = ratios.get(0);
        assertEquals(1.3, endToEnd.value(), 1e-9);
        assertFalse(endToEnd.met());
        assertEquals("<= 1.25", endToEnd.targetText());
        TargetRatio queued = ratios.get(1);
        assertEquals("10 queued: last result / (5 x in-process floor)", queued.name());
        assertEquals(1.2, queued.value(), 1e-9); // 10 on 2 workers: 5 rounds of 10 s
        assertTrue(queued.met());
        assertEquals(0.9, ratios.get(2).value(), 1e-9);
        assertTrue(ratios.get(2).met());
        TargetRatio throughput = ratios.get(3);
        assertEquals(30.0, throughput.denominator(), 1e-9); // 2 cores x 60 s / 4 s per submission
        assertEquals(0.8, throughput.value(), 1e-9);
        assertTrue(throughput.met());
        assertEquals(">= 0.75", throughput.targetText());
        assertEquals(1.125, ratios.get(4).value(), 1e-9);
        assertFalse(ratios.get(4).met());
        assertEquals(0.5, ratios.get(5).value(), 1e-9);
        assertTrue(ratios.get(5).met());
    }

    @Test
    void throughputWithoutSparesHasARatioOfItsOwnAgainstTheSameBound() {
        Measurements rows = new Measurements();
        rows.add(Targets.PEER_TRAINING, "ms", 4_000);
        rows.add(Targets.THROUGHPUT, "/min", 24);
        rows.add(Targets.THROUGHPUT_WITHOUT_SPARES, "/min", 15);

        List<TargetRatio> ratios = Targets.of(rows, 2);

        assertEquals(2, ratios.size(), ratios.toString());
        assertEquals("throughput without spares / peer bound (2 cores x 60 s / peer s)", ratios.get(1).name());
        assertEquals(0.5, ratios.get(1).value(), 1e-9);
        assertFalse(ratios.get(1).met());
    }

    @Test
    void aRatioWhoseRowsWereNotMeasuredIsLeftOut() {
        Measurements rows = new Measurements();
        StageRows.addGrading(rows, Map.of("trainingSandboxMillis", 9000L), 12_000);
        assertTrue(Targets.of(rows, 2).isEmpty());
    }
}
