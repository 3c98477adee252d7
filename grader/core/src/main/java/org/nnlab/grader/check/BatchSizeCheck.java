package org.nnlab.grader.check;

import java.util.List;
import org.nnlab.grader.lab.Fields;
import org.nnlab.protocol.EpochRecord;

/**
 * A run trained with minibatches of the expected size. The batch size is not saved with a network, but the harness
 * counts the minibatch updates of each epoch: with {@code n} training examples, an epoch of minibatches of size
 * {@code B} has {@code ceil(n / B)} updates. Every recorded epoch must have that many.
 *
 * <p>Parameters: {@code run}, {@code batchSize} (at least 1).
 */
public final class BatchSizeCheck implements Check {

    /** The {@code batch-size} check type. */
    public static final CheckType TYPE = new SimpleCheckType("batch-size",
            "a run trained each epoch in ceil(n / batchSize) minibatch updates, n the lab's training examples; "
                    + "params: run, batchSize", BatchSizeCheck::create);

    private final String run;
    private final int batchSize;

    private BatchSizeCheck(String run, int batchSize) {
        this.run = run;
        this.batchSize = batchSize;
    }

    private static Check create(Fields params) {
        Check check = new BatchSizeCheck(params.string("run"), params.integer("batchSize", 1));
        params.finish();
        return check;
    }

    @Override
    public CheckOutcome evaluate(Evidence evidence) {
        List<EpochRecord> epochs = evidence.run(run).map(RunEvidence::epochs).orElse(List.of());
        if (epochs.isEmpty()) {
            return CheckOutcome.fail("Run " + run + " recorded no epoch whose minibatches could be counted.");
        }
        int examples = evidence.trainingExamples();
        int expected = (examples + batchSize - 1) / batchSize;
        for (EpochRecord epoch : epochs) {
            if (epoch.minibatches() != expected) {
                int found = epoch.minibatches();
                return CheckOutcome.fail("Run " + run + ", epoch " + epoch.epoch() + ": " + found + " minibatch "
                        + "updates; " + examples + " training examples in minibatches of " + batchSize + " make "
                        + expected + " per epoch." + (found > 0 ? " That is a batch size of about "
                        + (examples + found - 1) / found + ": pass " + batchSize + " to ctx.trainingBatches(...)"
                        + " and fit one pass over it per epoch." : ""));
            }
        }
        return CheckOutcome.pass("Run " + run + " trained every epoch in " + expected + " minibatches of " + batchSize
                + " (" + examples + " training examples).");
    }

    @Override
    public boolean usesRecordedCurves() {
        return true;
    }
}
