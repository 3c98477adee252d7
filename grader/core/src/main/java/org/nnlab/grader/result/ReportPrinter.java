package org.nnlab.grader.result;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a grading result for a person: the score, each check with its message, the diagnosis with its next steps,
 * and the curves as a table.
 */
public final class ReportPrinter {
    private static final int CURVE_ROWS = 10;

    private ReportPrinter() {
    }

    /** Prints the report of {@code result} to {@code out}. */
    public static void print(GradingResult result, PrintStream out) {
        out.printf(Locale.ROOT, "%s: %s / %s points%s%n%n", result.lab(), points(result.score()),
                points(result.maxScore()), result.integrityFailure() ? "   ** INTEGRITY FAILURE **" : "");
        for (CheckResult check : result.checks()) {
            out.printf(Locale.ROOT, "[%s] %6s / %-5s %s%n", check.passed() ? "PASS" : check.points() > 0 ? "PART" : "FAIL",
                    points(check.points()), points(check.maxPoints()), check.title());
            for (String line : check.message().split("\n")) {
                out.println("        " + line);
            }
        }
        if (!result.diagnosis().findings().isEmpty()) {
            out.printf(Locale.ROOT, "%nDiagnosis%n");
            for (Diagnosis.Finding finding : result.diagnosis().findings()) {
                out.printf(Locale.ROOT, "  %s (%s): %s%n", finding.about(), finding.kind(), finding.observation());
                if (finding.nextStep() != null) {
                    out.println("    Next step: " + finding.nextStep());
                }
            }
        }
        for (Map.Entry<String, RunResult> run : new java.util.TreeMap<>(result.runs()).entrySet()) {
            out.printf(Locale.ROOT, "%nRun %s: final validation accuracy %s, test accuracy %s (measured by the grader)%n",
                    run.getKey(), percent(run.getValue().validationAccuracy()),
                    percent(run.getValue().testAccuracy()));
            out.println("  epoch  train loss  val loss  val acc   learning rate");
            List<EpochResult> epochs = run.getValue().epochs();
            int step = Math.max(1, (int) Math.ceil(epochs.size() / (double) CURVE_ROWS));
            for (int i = 0; i < epochs.size(); i++) {
                if (i % step == 0 || i == epochs.size() - 1) {
                    EpochResult e = epochs.get(i);
                    out.printf(Locale.ROOT, "  %5d  %10.4f  %8.4f  %7s  %12.3g%n", e.epoch(), e.trainingLoss(),
                            e.validationLoss(), percent(e.validationAccuracy()), e.learningRate());
                }
            }
        }
        out.printf(Locale.ROOT, "%nTimings (ms; PeakMb in MB): %s%n", new java.util.TreeMap<>(result.timings()));
        Provenance p = result.provenance();
        out.printf(Locale.ROOT, "Graded by nnlab %s, lab %s v%d, data sha256 %s, seed %d, %s, %s, %s%n",
                p.graderVersion(), p.labId(), p.labVersion(), p.datasetSha256(), p.seed(), p.jdk(), p.nd4jBackend(),
                p.sandbox());
    }

    private static String points(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String percent(Double fraction) {
        return fraction == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }
}
