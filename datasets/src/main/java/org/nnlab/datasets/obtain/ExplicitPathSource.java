package org.nnlab.datasets.obtain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.nnlab.datasets.DatasetSpec;

/** A path the user named with the data set's system property or environment variable. */
public final class ExplicitPathSource implements DatasetSource {
    private final Function<String, String> properties;
    private final Function<String, String> environment;

    /** Reads this process's system properties and environment. */
    public ExplicitPathSource() {
        this(System::getProperty, System::getenv);
    }

    ExplicitPathSource(Function<String, String> properties, Function<String, String> environment) {
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public String describe(DatasetSpec spec) {
        return "system property " + spec.sources().pathProperty() + " or environment variable "
                + spec.sources().pathEnvironmentVariable();
    }

    @Override
    public Candidate find(DatasetSpec spec) {
        String value = lookup(properties, spec.sources().pathProperty());
        String origin = "system property " + spec.sources().pathProperty();
        if (value == null) {
            value = lookup(environment, spec.sources().pathEnvironmentVariable());
            origin = "environment variable " + spec.sources().pathEnvironmentVariable();
        }
        if (value == null) {
            return Candidate.none("not set");
        }
        Path file = Path.of(value).toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new org.nnlab.datasets.DatasetException("The " + origin + " names " + file
                    + ", which is not a readable file. Point it at a copy of " + spec.file() + " or unset it.");
        }
        return Candidate.found(file, origin);
    }

    @Override
    public boolean authoritative() {
        return true;
    }

    private static String lookup(Function<String, String> source, String key) {
        if (key == null) {
            return null;
        }
        String value = source.apply(key);
        return value == null || value.isBlank() ? null : value;
    }
}
