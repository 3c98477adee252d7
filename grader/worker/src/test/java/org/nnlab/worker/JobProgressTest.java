package org.nnlab.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.nnlab.grader.GradingListener;
import org.nnlab.protocol.EpochRecord;

class JobProgressTest {
    private final GradingQueue queue = mock(GradingQueue.class);
    private final JobProgress progress = new JobProgress(queue, "job-1", 1, 40.0, List.of("A", "B"));

    @Test
    void eachStageIsRecordedInTheJob() {
        progress.stage(GradingListener.Stage.COMPILING);

        assertEquals("compiling", last(1).description());
    }

    @Test
    void eachEpochAddsToItsRunsCurveAndNamesTheEpoch() {
        progress.stage(GradingListener.Stage.TRAINING);
        progress.epoch("A", new EpochRecord(1, 2.1, 1.9, 0.5, 1e-3, 40, Double.NaN));
        progress.epoch("A", new EpochRecord(2, 1.2, 1.1, 0.8, 1e-3, 40, Double.NaN));
        progress.epoch("B", new EpochRecord(1, 2.3, 2.0, 0.4, 1e-3, 40, Double.NaN));

        LiveProgress live = last(4);
        assertEquals("training run B: epoch 1 of 40", live.description());
        assertEquals(List.of("A", "B"), live.runs());
        assertEquals(2, live.curves().get("A").size());
        assertEquals(1.1, live.curves().get("A").get(1).validationLoss());
        assertEquals(1, live.curves().get("B").size());
    }

    @Test
    void aDivergedLossSurvivesTheTripThroughTheJob() {
        progress.stage(GradingListener.Stage.TRAINING);
        progress.epoch("A", new EpochRecord(1, Double.NaN, Double.POSITIVE_INFINITY, 0.1, 10, 40, Double.NaN));

        LiveProgress live = last(2);
        assertEquals(Double.NaN, live.curves().get("A").get(0).trainingLoss());
        assertEquals(Double.POSITIVE_INFINITY, live.curves().get("A").get(0).validationLoss());
    }

    private LiveProgress last(int updates) {
        ArgumentCaptor<String> json = ArgumentCaptor.forClass(String.class);
        verify(queue, times(updates)).progress(eq("job-1"), eq(1), json.capture());
        return LiveProgress.read(json.getValue());
    }
}
