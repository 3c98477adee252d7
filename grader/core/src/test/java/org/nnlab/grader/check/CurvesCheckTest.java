package org.nnlab.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnlab.protocol.EpochRecord;

class CurvesCheckTest {
    private final Check check = Fixtures.check(CurvesCheck.TYPE, "{runs: [A, B]}");

    @Test
    void fortyFallingFiniteEpochsInBothRunsPass() {
        CheckOutcome outcome = evaluate(Fixtures.epochs(40, e -> 1e-3), Fixtures.epochs(40, e -> 1e-3));

        assertEquals(1, outcome.fraction());
    }

    @Test
    void missingEndEpochCallsAreCountedAgainstTheLabsEpochs() {
        CheckOutcome outcome = evaluate(Fixtures.epochs(20, e -> 1e-3), Fixtures.epochs(40, e -> 1e-3));

        assertEquals(0.5, outcome.fraction());
        assertEquals("Run A recorded 20 epochs; expected 40. Call endEpoch() exactly once after each training epoch.",
                outcome.message());
    }

    @Test
    void aNanLossIsExplainedAsDivergence() {
        List<EpochRecord> diverged = new ArrayList<>(Fixtures.epochs(40, e -> 10));
        diverged.set(3, new EpochRecord(4, Double.NaN, Double.NaN, 0.1, 10, 40, Double.NaN));

        CheckOutcome outcome = evaluate(diverged, Fixtures.epochs(40, e -> 1e-3));

        assertEquals("Run A, epoch 4: the loss is NaN. The training diverged: the learning rate is far too high for "
                + "this network.", outcome.message());
    }

    @Test
    void aFiniteLossThatEndsAboveAUniformGuessIsExplainedAsDivergence() {
        List<EpochRecord> stuck = new ArrayList<>();
        for (int e = 1; e <= 40; e++) {
            stuck.add(new EpochRecord(e, e == 1 ? 13.9 : 3.4, 3.3, 0.1, 10, 40, Double.NaN));
        }

        CheckOutcome outcome = evaluate(stuck, Fixtures.epochs(40, e -> 1e-3));

        assertEquals("Run A: the training loss ends at 3.4 (epoch 40), no better than the 2.303 of a uniform guess "
                + "over 10 classes. The training diverged: the learning rate is far too high for this network.",
                outcome.message());
    }

    @Test
    void anEpochWithoutMinibatchesMeansEndEpochWasCalledTooOften() {
        List<EpochRecord> epochs = new ArrayList<>(Fixtures.epochs(40, e -> 1e-3));
        epochs.set(1, new EpochRecord(2, Double.NaN, 0.5, 0.9, 1e-3, 0, Double.NaN));

        CheckOutcome outcome = evaluate(Fixtures.epochs(40, e -> 1e-3), epochs);

        assertEquals("Run B, epoch 2: no minibatch was trained before endEpoch(). Call endEpoch() once after each "
                + "epoch of fit(), not more often.", outcome.message());
    }

    @Test
    void aRisingTrainingLossMeansTheNetworkIsNotLearning() {
        List<EpochRecord> rising = new ArrayList<>();
        for (int e = 1; e <= 40; e++) {
            rising.add(new EpochRecord(e, 1 + 0.01 * e, 2.3, 0.1, 1e-3, 40, Double.NaN));
        }

        CheckOutcome outcome = evaluate(rising, Fixtures.epochs(40, e -> 1e-3));

        assertEquals(0.5, outcome.fraction());
        assertEquals("Run A: the training loss went from 1.01 (epoch 1) to 1.4 (epoch 40); expected it to fall. The "
                + "network is not learning: check the learning rate and that fit() is called on the training batches.",
                outcome.message());
    }

    @Test
    void anUntrackedRunIsNamed() {
        CheckOutcome outcome = check.evaluate(Fixtures.evidence(Map.of("A", run("A", Fixtures.epochs(40, e -> 1e-3))),
                Map.of(), Map.of()));

        assertEquals("run B was never tracked: call ctx.track(\"B\", network)", outcome.message());
    }

    private CheckOutcome evaluate(List<EpochRecord> a, List<EpochRecord> b) {
        return check.evaluate(Fixtures.evidence(Map.of("A", run("A", a), "B", run("B", b)), Map.of(), Map.of()));
    }

    private static RunEvidence run(String name, List<EpochRecord> epochs) {
        return new RunEvidence(name, epochs, null, null, null, null);
    }
}
