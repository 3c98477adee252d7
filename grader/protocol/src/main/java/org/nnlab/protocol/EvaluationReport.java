package org.nnlab.protocol;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the evaluation harness wrote back. Reports written before a field existed read with that field empty.
 *
 * @param errors        by run name, why its network could not be loaded or run; absent for runs that worked
 * @param timingsMillis where the time went inside the harness
 * @param symmetry      by run name, the distinct units of each layer with weights, in layer order
 * @param parameters    by run name, how many parameters its saved network has
 * @param weightErrors  by run name, why its weights at each epoch's end could not be measured; absent for runs whose
 *                      weights were measured
 * @param activity      by run name, the units of each hidden layer with weights that never fire on the validation
 *                      part, in layer order
 */
public record EvaluationReport(Map<String, String> errors, Map<String, Long> timingsMillis,
                               Map<String, List<LayerSymmetry>> symmetry, Map<String, Long> parameters,
                               Map<String, String> weightErrors, Map<String, List<LayerActivity>> activity) {

    /** Copies the collections; a missing one is empty. */
    public EvaluationReport {
        errors = errors == null ? Map.of() : Map.copyOf(errors);
        timingsMillis = timingsMillis == null ? Map.of() : Map.copyOf(timingsMillis);
        symmetry = symmetry == null ? Map.of() : symmetry.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        weightErrors = weightErrors == null ? Map.of() : Map.copyOf(weightErrors);
        activity = activity == null ? Map.of() : activity.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    }
}
