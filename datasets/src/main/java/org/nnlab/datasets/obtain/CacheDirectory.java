package org.nnlab.datasets.obtain;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * The directory where nnlab keeps files it fetched: the system property {@code nnlab.cache}, else the
 * environment variable {@code NNLAB_CACHE}, else {@code $XDG_CACHE_HOME/nnlab}, else {@code ~/.cache/nnlab}.
 * The build points it at the git-ignored {@code .cache/} of the checkout.
 */
public final class CacheDirectory {
    /** System property naming the cache directory. */
    public static final String PROPERTY = "nnlab.cache";
    /** Environment variable naming the cache directory. */
    public static final String ENVIRONMENT_VARIABLE = "NNLAB_CACHE";

    private CacheDirectory() {
    }

    /** @return the cache directory of this process (it may not exist yet) */
    public static Path resolve() {
        return resolve(System::getProperty, System::getenv);
    }

    static Path resolve(Function<String, String> properties, Function<String, String> environment) {
        String explicit = firstNonBlank(properties.apply(PROPERTY), environment.apply(ENVIRONMENT_VARIABLE));
        if (explicit != null) {
            return Path.of(explicit).toAbsolutePath();
        }
        String xdg = firstNonBlank(environment.apply("XDG_CACHE_HOME"), null);
        Path base = xdg != null ? Path.of(xdg) : Path.of(properties.apply("user.home"), ".cache");
        return base.resolve("nnlab").toAbsolutePath();
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }
}
