package org.nnlab.grader.result;

import java.util.List;
import java.util.Map;
import org.nnlab.grader.compile.CompileError;

/**
 * The immutable result of grading one submission against one lab version. Its JSON form is the one results
 * format of nnlab.
 *
 * @param lab              the lab id
 * @param score            points earned
 * @param maxScore         points possible
 * @param integrityFailure whether recorded results contradicted the grader's measurements
 * @param checks           each check's result, in lab-file order
 * @param runs             each run's curves and measurements
 * @param output           the start of what the solution printed (stdout, then stderr)
 * @param timings          milliseconds per stage (keys ending in {@code Millis}): compile, sandbox start, ND4J
 *                         start, training, evaluation, checks; and each sandbox's peak memory ({@code PeakMb})
 * @param provenance       what the result depends on
 * @param compileErrors    javac's errors by file and line, when the code did not compile
 * @param diagnosis        what the curves, networks and checks tell about the submission, and the next steps
 */
public record GradingResult(String lab, double score, double maxScore, boolean integrityFailure,
                            List<CheckResult> checks, Map<String, RunResult> runs, String output,
                            Map<String, Long> timings, Provenance provenance, List<CompileError> compileErrors,
                            Diagnosis diagnosis) {

    /**
     * Copies the collections; results stored before compile errors or diagnoses were recorded read as having
     * none.
     */
    public GradingResult {
        compileErrors = compileErrors == null ? List.of() : List.copyOf(compileErrors);
        diagnosis = diagnosis == null ? Diagnosis.none() : diagnosis;
        checks = List.copyOf(checks);
        runs = Map.copyOf(runs);
        timings = Map.copyOf(timings);
    }

    /**
     * @param overrides points given by hand, by check id (the instructor's overrides)
     * @return the score with those checks' points replaced, rounded to hundredths
     */
    public double scoreWith(Map<String, Double> overrides) {
        return Math.round(checks.stream().mapToDouble(c -> overrides.getOrDefault(c.id(), c.points())).sum() * 100)
                / 100.0;
    }

    /** @return the check with that id */
    public CheckResult check(String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no check '" + id + "' in this result"));
    }
}
