package org.nnlab.grader.check;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnlab.grader.lab.CheckSpec;
import org.nnlab.grader.lab.LabException;

/** The check types lab files may use, by name. Labs needing a new kind of check register their own type here. */
public final class CheckCatalog {
    private final Map<String, CheckType> types = new LinkedHashMap<>();

    /** @return the catalogue of the built-in check types */
    public static CheckCatalog builtIn() {
        CheckCatalog catalog = new CheckCatalog();
        List.of(CompletesCheck.TYPE, CurvesCheck.TYPE, AccuracyCheck.TYPE, OptimizerCheck.TYPE,
                SameArchitectureCheck.TYPE, RegularizationCheck.TYPE, PlateauScheduleCheck.TYPE,
                ReportedValueCheck.TYPE, ConsistencyCheck.TYPE, ReflectionCheck.TYPE).forEach(catalog::register);
        return catalog;
    }

    /**
     * @param type a check type; its name must not be taken
     * @return this catalogue
     */
    public CheckCatalog register(CheckType type) {
        if (types.putIfAbsent(type.name(), type) != null) {
            throw new IllegalArgumentException("a check type named '" + type.name() + "' is already registered");
        }
        return this;
    }

    /**
     * @param spec a check of a lab file
     * @return the configured check
     * @throws LabException when the type is unknown or its parameters are invalid
     */
    public Check create(CheckSpec spec) {
        CheckType type = types.get(spec.type());
        if (type == null) {
            throw new LabException(spec.params().file() + ": check '" + spec.id() + "' has type '" + spec.type()
                    + "', which is not a known check type; known types: " + String.join(", ", types.keySet()));
        }
        return type.create(spec.params());
    }

    /** @return every registered type, in registration order */
    public Collection<CheckType> types() {
        return Collections.unmodifiableCollection(types.values());
    }
}
