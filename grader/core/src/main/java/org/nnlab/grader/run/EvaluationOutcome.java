package org.nnlab.grader.run;

import java.util.Map;
import org.nnlab.grader.sandbox.SandboxOutcome;

/**
 * How the evaluation stage ended.
 *
 * @param measured      the grader's measurement of each expected run, by name
 * @param sandbox       the evaluation sandbox's end, or null when no network was there to evaluate
 * @param timingsMillis where the time went inside the evaluation harness (untrusted, for benchmarks); empty when it
 *                      wrote no report
 */
public record EvaluationOutcome(Map<String, Measured> measured, SandboxOutcome sandbox,
                                Map<String, Long> timingsMillis) {

    /** Copies the maps. */
    public EvaluationOutcome {
        measured = Map.copyOf(measured);
        timingsMillis = Map.copyOf(timingsMillis);
    }
}
