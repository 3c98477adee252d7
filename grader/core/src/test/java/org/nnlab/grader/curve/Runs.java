package org.nnlab.grader.curve;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.nnlab.protocol.EpochRecord;

/**
 * Curves shaped like the digits lab's two runs, 40 epochs each. Model A (plain Adam) overfits: its validation loss
 * is lowest at epoch 12 (0.08) and then rises to 0.136 while its training loss falls to 0.006. Model B (regularized)
 * keeps improving to 0.054 at epoch 40, its training loss stays above its validation loss, and its learning rate is
 * halved at epochs 20 and 31.
 */
public final class Runs {

    private Runs() {
    }

    /** @return model A: overfits after epoch 12 */
    public static RunCurve modelA() {
        return run("A", e -> 0.006 + 0.6 * Math.exp(-e / 4.0),
                e -> e <= 12 ? 0.08 + 0.5 * (12 - e) / 11.0 * (12 - e) / 11.0 : 0.08 + 0.002 * (e - 12),
                e -> e <= 12 ? 0.80 + 0.175 * e / 12 : 0.975 - 0.0002 * (e - 12), e -> 1e-3);
    }

    /** @return model B: regularized, still improving, its rate halved at epochs 20 and 31 */
    public static RunCurve modelB() {
        return run("B", e -> 0.068 + 0.9 * Math.exp(-e / 6.0), e -> 0.054 + 0.7 * Math.exp(-e / 7.0),
                e -> 0.80 + 0.181 * (1 - Math.exp(-e / 8.0)) / (1 - Math.exp(-5.0)),
                e -> e < 20 ? 1e-3 : e < 31 ? 5e-4 : 2.5e-4);
    }

    /** @return 40 epochs of a run whose curves follow the given functions of the epoch (accuracy capped at 98.1%) */
    public static RunCurve run(String name, IntToDoubleFunction training, IntToDoubleFunction validation,
                        IntToDoubleFunction accuracy, IntToDoubleFunction rate) {
        List<EpochRecord> epochs = new ArrayList<>();
        for (int e = 1; e <= 40; e++) {
            epochs.add(new EpochRecord(e, training.applyAsDouble(e), validation.applyAsDouble(e),
                    Math.min(accuracy.applyAsDouble(e), 0.981), rate.applyAsDouble(e), 30, Double.NaN));
        }
        return new RunCurve(name, epochs);
    }
}
