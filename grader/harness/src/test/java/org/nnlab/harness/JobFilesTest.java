package org.nnlab.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.protocol.ProtocolJson;
import org.nnlab.protocol.TrainingJob;

class JobFilesTest {
    @Test
    void warmupsInTurnTakeEachOnesStepsThenTheNextOnesAndThenNone() {
        List<String> steps = new ArrayList<>();
        BooleanSupplier turns = JobFiles.inTurn(steps("a", 2, steps), steps("b", 1, steps), steps("c", 3, steps));

        List<Boolean> more = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            more.add(turns.getAsBoolean());
        }

        assertEquals(List.of("a1", "a2", "b1", "c1", "c2", "c3"), steps);
        assertEquals(List.of(true, true, true, true, true, false, false, false), more);
    }

    @Test
    void theJsonWarmupWritesAndReadsItsSamplesAndLeavesNothing(@TempDir Path scratch) throws IOException {
        BooleanSupplier warmup = JobFiles.jsonWarmup(scratch, new TrainingJob("lab", "Solution", 1, Map.of(),
                List.of("A"), 2, "train.bin", "validation.bin", "out", null));

        assertFalse(warmup.getAsBoolean(), "one step");
        try (var left = Files.list(scratch)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void aJobMovedIntoPlaceLongAfterTheWarmUpWakesTheWaitingJvmAtOnce(@TempDir Path folder) throws Exception {
        Path job = folder.resolve("job.json");
        Path partial = folder.resolve("job.json.part");
        ProtocolJson.write(partial, ProtocolSamples.TRAINING_JOB);
        ProtocolJson.read(partial, TrainingJob.class, 1 << 20); // the JSON mapper's first read is slow
        long[] movedAt = new long[1];
        Thread grader = new Thread(() -> {
            try {
                Thread.sleep(1500); // longer than the watch's one-second look
                movedAt[0] = System.nanoTime();
                Files.move(partial, job, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        grader.start();

        JobFiles.Started<TrainingJob> started = JobFiles.startThenRead(new String[] {job.toString()},
                TrainingJob.class, "usage", () -> false);
        long wokeAfterMillis = (System.nanoTime() - movedAt[0]) / 1_000_000;
        grader.join();

        assertEquals(ProtocolSamples.TRAINING_JOB, started.job());
        assertTrue(wokeAfterMillis < 300, "woken " + wokeAfterMillis + " ms after the move, not at the next look");
    }

    private static BooleanSupplier steps(String name, int count, List<String> steps) {
        int[] taken = {0};
        return () -> {
            steps.add(name + ++taken[0]);
            assertTrue(taken[0] <= count, name + " stepped after it said it was done");
            return taken[0] < count;
        };
    }
}
