package org.nnlab.protocol;

import java.util.Map;

/**
 * What the evaluation harness wrote back.
 *
 * @param errors        by run name, why its network could not be loaded or run; absent for runs that worked
 * @param timingsMillis where the time went inside the harness
 */
public record EvaluationReport(Map<String, String> errors, Map<String, Long> timingsMillis) {

    /** Copies the maps. */
    public EvaluationReport {
        errors = Map.copyOf(errors);
        timingsMillis = Map.copyOf(timingsMillis);
    }
}
