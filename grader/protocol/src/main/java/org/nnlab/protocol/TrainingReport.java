package org.nnlab.protocol;

import java.util.List;
import java.util.Map;

/**
 * What the training harness wrote back. Untrusted: student code ran in the same JVM and may have rewritten it,
 * so the grader checks it against its own measurements.
 *
 * @param completed     whether {@code train} returned normally
 * @param error         the exception {@code train} threw, with its stack trace, or null
 * @param runs          the tracked runs by name
 * @param reported      the values reported with {@code LabContext.report}
 * @param warnings      what the harness noticed about how the runs were recorded, e.g. lost minibatch scores
 * @param timingsMillis where the time went inside the harness, e.g. {@code backendStart}, {@code training}
 */
public record TrainingReport(boolean completed, String error, Map<String, RunLog> runs, Map<String, Double> reported,
                             List<String> warnings, Map<String, Long> timingsMillis) {

    /** Copies the collections. */
    public TrainingReport {
        runs = Map.copyOf(runs);
        reported = Map.copyOf(reported);
        warnings = List.copyOf(warnings);
        timingsMillis = Map.copyOf(timingsMillis);
    }
}
