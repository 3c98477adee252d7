package org.nnlab.kit;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.nnlab.protocol.EpochRecord;

/**
 * Prints what the harness recorded of a local run: a table of each tracked run's epochs, the best validation
 * accuracy of each run, the values the solution reported, the harness's warnings and the runs the lab expects that
 * were not tracked.
 */
final class CurveReport {
    private static final String HEADER = String.format(Locale.ROOT, "%6s  %13s  %15s  %19s  %13s", "epoch",
            "training loss", "validation loss", "validation accuracy", "learning rate");

    private CurveReport() {
    }

    /**
     * @param curves   the epochs of each tracked run, in the order the runs were tracked
     * @param expected the runs the lab expects
     * @param reported the values the solution reported
     * @param warnings what the harness noticed
     * @param out      where to print
     */
    static void print(Map<String, List<EpochRecord>> curves, List<String> expected, Map<String, Double> reported,
                      List<String> warnings, PrintStream out) {
        curves.forEach((run, epochs) -> table(run, epochs, out));
        out.println("Best validation accuracy:");
        if (curves.isEmpty()) {
            out.println("  (no run was tracked: call ctx.track(name, network) for each run)");
        }
        curves.forEach((run, epochs) -> out.println("  " + run + "  " + best(epochs)));
        List<String> untracked = new ArrayList<>(expected);
        untracked.removeAll(curves.keySet());
        if (!untracked.isEmpty()) {
            out.println("Runs the lab expects that were not tracked: " + String.join(", ", untracked));
        }
        out.println("Reported values:" + (reported.isEmpty() ? " none" : ""));
        new TreeMap<>(reported).forEach((key, value) -> out.println("  " + key + " = " + value));
        out.println("Harness warnings:" + (warnings.isEmpty() ? " none" : ""));
        warnings.forEach(warning -> out.println("  " + warning));
    }

    private static void table(String run, List<EpochRecord> epochs, PrintStream out) {
        out.println();
        out.println("Run " + run + " (" + epochs.size() + (epochs.size() == 1 ? " epoch)" : " epochs)"));
        out.println(HEADER);
        for (EpochRecord epoch : epochs) {
            out.println(String.format(Locale.ROOT, "%6d  %13.6f  %15.6f  %19.4f  %13.4e", epoch.epoch(),
                    epoch.trainingLoss(), epoch.validationLoss(), epoch.validationAccuracy(), epoch.learningRate()));
        }
        out.println();
    }

    /** @return e.g. {@code 0.9815 (epoch 23)}, the first epoch that reached the best accuracy */
    static String best(List<EpochRecord> epochs) {
        EpochRecord best = null;
        for (EpochRecord epoch : epochs) {
            if (best == null || epoch.validationAccuracy() > best.validationAccuracy()) {
                best = epoch;
            }
        }
        return best == null ? "no epoch recorded (call endEpoch() after each epoch)"
                : String.format(Locale.ROOT, "%.4f (epoch %d)", best.validationAccuracy(), best.epoch());
    }
}
