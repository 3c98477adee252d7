package org.nnlab.grader.check;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.nnlab.grader.lab.CheckSpec;
import org.nnlab.grader.lab.LabException;

/**
 * The check types lab files may use, by name. A lab that needs a kind of check no built-in type covers brings its
 * own {@link CheckType}: a class on the trusted side, listed in a jar's
 * {@code META-INF/services/org.nnlab.grader.check.CheckType} and dropped into the extensions folder
 * ({@code nnlab.checks.dir}, or {@code NNLAB_CHECKS_DIR}). It is loaded by the grader, never inside a sandbox.
 */
public final class CheckCatalog {
    /** System property naming the folder of check extension jars. */
    public static final String EXTENSIONS_PROPERTY = "nnlab.checks.dir";
    /** Environment variable naming the folder of check extension jars, when the property is not set. */
    public static final String EXTENSIONS_ENV = "NNLAB_CHECKS_DIR";
    private final Map<String, CheckType> types = new LinkedHashMap<>();

    /**
     * @return the built-in types, then those on the grader's class path and those in the extensions folder
     * @throws IllegalStateException when an extension cannot be loaded or takes a name already used
     */
    public static CheckCatalog standard() {
        String folder = System.getProperty(EXTENSIONS_PROPERTY, System.getenv(EXTENSIONS_ENV));
        CheckCatalog catalog = builtIn().load(CheckCatalog.class.getClassLoader());
        return folder == null || folder.isBlank() ? catalog : catalog.extensions(Path.of(folder));
    }

    /**
     * Registers the check types in the jars of {@code folder}, found through their service files.
     *
     * @return this catalogue
     * @throws IllegalStateException when the folder cannot be read or a type cannot be loaded
     */
    public CheckCatalog extensions(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("The check extensions folder " + folder + " does not exist.");
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<URL> jars = new ArrayList<>();
            for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                jars.add(jar.toUri().toURL());
            }
            return load(new URLClassLoader(jars.toArray(URL[]::new), CheckCatalog.class.getClassLoader()));
        } catch (IOException e) {
            throw new IllegalStateException("The check extensions folder " + folder + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    private CheckCatalog load(ClassLoader loader) {
        try {
            for (CheckType type : ServiceLoader.load(CheckType.class, loader)) {
                if (!types.containsKey(type.name()) || types.get(type.name()).getClass() != type.getClass()) {
                    register(type);
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("A check extension cannot be loaded: " + e.getMessage(), e);
        }
        return this;
    }

    /** @return the catalogue of the built-in check types */
    public static CheckCatalog builtIn() {
        CheckCatalog catalog = new CheckCatalog();
        List.of(CompletesCheck.TYPE, CurvesCheck.TYPE, AccuracyCheck.TYPE, OptimizerCheck.TYPE,
                SameArchitectureCheck.TYPE, RegularizationCheck.TYPE, PlateauScheduleCheck.TYPE,
                ReportedValueCheck.TYPE, ConsistencyCheck.TYPE, ReflectionCheck.TYPE, ConvergenceRankingCheck.TYPE,
                BestRunCheck.TYPE, LogUniformSamplingCheck.TYPE, GridSearchCheck.TYPE, ScheduleTraceCheck.TYPE,
                EarlyStoppingCheck.TYPE, LrRangeTestCheck.TYPE, BatchSizeCheck.TYPE, GradientClippingCheck.TYPE,
                SymmetryCheck.TYPE, FasterThanCheck.TYPE, AnswerMentionsCheck.TYPE, SubsetLossCheck.TYPE)
                .forEach(catalog::register);
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
