package org.nnlab.grader.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The grader's sandbox installation, laid out by the harness module's build: {@code lib/} holds every jar the
 * sandboxed JVMs need (the harness, the student API, ND4J and DL4J), {@code compile-classpath.txt} the jars a
 * submission is compiled against. Found through the system property {@code nnlab.grader.home}, the environment
 * variable {@code NNLAB_GRADER_HOME}, or {@code grader/harness/target/grader-home} above the working directory.
 *
 * @param root the grader home directory
 */
public record GraderHome(Path root) {
    /** System property naming the grader home. */
    public static final String PROPERTY = "nnlab.grader.home";
    private static final String LAYOUT = "grader/harness/target/grader-home";

    /** @return the grader home of this process */
    public static GraderHome locate() {
        String explicit = System.getProperty(PROPERTY, System.getenv("NNLAB_GRADER_HOME"));
        if (explicit != null && !explicit.isBlank()) {
            return check(Path.of(explicit).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(LAYOUT))) {
                return check(dir.resolve(LAYOUT));
            }
        }
        throw new IllegalStateException("The grader's sandbox libraries were not found. Build them with "
                + "'mvn -q -DskipTests package' in the nnlab checkout, or set NNLAB_GRADER_HOME to their folder.");
    }

    /**
     * @return the grader home in that folder
     * @throws IllegalStateException when the folder is not a complete grader home
     */
    public static GraderHome at(Path root) {
        return check(root.toAbsolutePath().normalize());
    }

    private static GraderHome check(Path root) {
        GraderHome home = new GraderHome(root);
        if (!Files.isDirectory(home.lib()) || !Files.isRegularFile(root.resolve("compile-classpath.txt"))) {
            throw new IllegalStateException("The grader home " + root + " is incomplete (no lib/ or "
                    + "compile-classpath.txt). Rebuild it with 'mvn -q -DskipTests package' in the nnlab checkout.");
        }
        return home;
    }

    /** @return the folder of every jar the sandboxed JVMs need */
    public Path lib() {
        return root.resolve("lib");
    }

    /** @return the class path of the sandboxed JVMs: every jar in {@link #lib()} */
    public String runtimeClasspath() {
        return lib() + "/*";
    }

    /**
     * @return a digest of the jars in {@link #lib()}: their names, sizes and modification times, which changes with
     *     any jar, as a JVM's check of a class-data-sharing archive does
     */
    public String fingerprint() {
        try (Stream<Path> jars = Files.list(lib())) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path jar : jars.sorted().toList()) {
                BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
                digest.update((jar.getFileName() + "\t" + attributes.size() + "\t"
                        + attributes.lastModifiedTime().toMillis() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the grader's jars in " + lib() + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the jars a submission is compiled against, absolute */
    public List<Path> compileClasspath() {
        try {
            String text = Files.readString(root.resolve("compile-classpath.txt")).strip();
            List<Path> jars = new ArrayList<>();
            for (String entry : text.split(":")) {
                jars.add(root.resolve(entry).normalize());
            }
            return jars;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + root.resolve("compile-classpath.txt") + ": " + e, e);
        }
    }

    /** @return e.g. {@code nd4j-native 1.0.0-M2.1 (CPU)}, from the backend jar in {@link #lib()} */
    public String nd4jBackend() {
        try (Stream<Path> jars = Files.list(lib())) {
            return jars.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("nd4j-(native|cuda[-0-9.]*)-[0-9].*\\.jar") && !n.contains("-linux-"))
                    .map(n -> n.replaceFirst("\\.jar$", "").replaceFirst("-(\\d)", " $1")
                            + (n.contains("cuda") ? " (CUDA)" : " (CPU)"))
                    .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** @return the JDK that runs the sandboxed JVMs and javac: this process's own */
    public static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }
}
