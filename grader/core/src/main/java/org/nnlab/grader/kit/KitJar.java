package org.nnlab.grader.kit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the kit jar that the kit module's build makes: the system property {@code nnlab.kit.jar}, else
 * {@code grader/kit/target/nnlab-kit.jar} in the working directory or above it.
 */
public final class KitJar {
    /** System property naming the kit jar. */
    public static final String PROPERTY = "nnlab.kit.jar";
    private static final String LAYOUT = "grader/kit/target/nnlab-kit.jar";

    private KitJar() {
    }

    /**
     * @return the kit jar
     * @throws IllegalStateException saying how to build it when there is none
     */
    public static Path locate() {
        String explicit = System.getProperty(PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            return check(Path.of(explicit).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(LAYOUT))) {
                return dir.resolve(LAYOUT);
            }
        }
        throw new IllegalStateException("The kit jar " + LAYOUT + " was not found. Build it with "
                + "'mvn -q -DskipTests package' in the nnlab checkout, or name it with --kit-jar FILE.");
    }

    /** @return the path, when it is a file */
    public static Path check(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The kit jar " + jar + " does not exist. Build it with "
                    + "'mvn -q -DskipTests package' in the nnlab checkout.");
        }
        return jar;
    }
}
