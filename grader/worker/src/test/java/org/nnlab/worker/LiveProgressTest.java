package org.nnlab.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveProgressTest {

    @Test
    void progressWithoutAnEpochIsItsStage() {
        assertEquals("evaluating", new LiveProgress("evaluating", null, 0, 40, List.of("A"), Map.of()).description());
    }

    @Test
    void progressFromAnOlderVersionReadsAsItsText() {
        LiveProgress old = LiveProgress.read("training run A: epoch 3 of 40");

        assertEquals("training run A: epoch 3 of 40", old.description());
        assertTrue(old.curves().isEmpty());
    }

    @Test
    void aJobThatHasNotReportedYetIsWaiting() {
        assertEquals("waiting", LiveProgress.read(null).description());
    }
}
