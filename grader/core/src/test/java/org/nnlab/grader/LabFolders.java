package org.nnlab.grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.nnlab.grader.sandbox.BubblewrapSandbox;
import org.nnlab.grader.sandbox.SandboxProbe;

/** The repository's labs for integration tests, and variants of them with an edited lab file. */
public final class LabFolders {
    private LabFolders() {
    }

    /** @return a lab folder of the repository, e.g. {@code digits-regularization} */
    public static Path lab(String id) {
        return Path.of(System.getProperty("nnlab.labs", "../../labs")).toAbsolutePath().normalize().resolve(id);
    }

    /** @return the text of a file of a lab folder */
    static String read(String id, String file) throws IOException {
        return Files.readString(lab(id).resolve(file), StandardCharsets.UTF_8);
    }

    /** @return a copy of a lab folder under {@code target} whose lab file was passed through {@code edit} */
    public static Path variant(String id, Path target, UnaryOperator<String> edit) throws IOException {
        Path source = lab(id);
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.sorted(Comparator.naturalOrder()).toList()) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        }
        Path labFile = target.resolve("lab.yaml");
        Files.writeString(labFile, edit.apply(Files.readString(labFile)));
        return target;
    }

    /** Skips the calling test, visibly, where this machine cannot sandbox. */
    static void assumeSandbox() {
        SandboxProbe probe = BubblewrapSandbox.probe();
        Assumptions.assumeTrue(probe.available(), () -> "this machine cannot sandbox: " + probe.problem());
    }
}
