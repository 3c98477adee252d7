package org.nnlab.grader.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.nnlab.grader.Grader;
import org.nnlab.grader.lab.Lab;
import org.nnlab.grader.result.GradingResult;

/**
 * Grades a lab's reference solution several times and prints, per stage, the median time: where end-to-end grading
 * time goes (compile, sandbox and JVM start, ND4J start, training, saving, evaluation, checks). A benchmark, not a
 * test: it asserts nothing and is run by hand.
 */
public final class GradingBenchmark {
    private final Grader grader;
    private final PrintStream out;

    /**
     * @param grader the grader to time
     * @param out    where the table goes
     */
    public GradingBenchmark(Grader grader, PrintStream out) {
        this.grader = grader;
        this.out = out;
    }

    /** Grades the reference {@code repeat} times after one warm-up, and prints the medians. */
    public void run(Lab lab, int repeat) throws IOException {
        grader.grade(lab, LabSelfTest.reference(lab));
        Map<String, List<Long>> samples = new TreeMap<>();
        for (int i = 0; i < repeat; i++) {
            long start = System.nanoTime();
            GradingResult result = grader.grade(lab, LabSelfTest.reference(lab));
            long total = (System.nanoTime() - start) / 1_000_000;
            result.timings().forEach((stage, millis) -> samples.computeIfAbsent(stage, k -> new ArrayList<>())
                    .add(millis));
            samples.computeIfAbsent("total", k -> new ArrayList<>()).add(total);
            out.printf(Locale.ROOT, "run %d: %d ms, score %s / %s%n", i + 1, total, result.score(), result.maxScore());
        }
        out.printf(Locale.ROOT, "%nmedian of %d runs (ms), %s, %s:%n", repeat, lab.id(),
                grader.describeSandbox());
        samples.forEach((stage, millis) -> out.printf(Locale.ROOT, "  %-32s %7d%n", stage, median(millis)));
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
