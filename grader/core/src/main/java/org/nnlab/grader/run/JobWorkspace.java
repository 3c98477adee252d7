package org.nnlab.grader.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The folders of one grading job. Sandboxes see only the folders mounted for them: sources and classes for the
 * compiler, classes, inputs and outputs for training, outputs (read-only) and evaluation inputs for evaluation.
 * Folders a sandbox writes are open to its unprivileged user; everything is deleted on {@link #close()}.
 */
public final class JobWorkspace implements AutoCloseable {
    private final Path root;

    private JobWorkspace(Path root) {
        this.root = root;
    }

    /**
     * @param workRoot the folder that holds job folders; it must be enterable by other users
     * @return a new, empty workspace
     */
    public static JobWorkspace create(Path workRoot) throws IOException {
        Files.createDirectories(workRoot);
        Path root = workRoot.resolve("job-" + UUID.randomUUID());
        Files.createDirectory(root);
        JobWorkspace workspace = new JobWorkspace(root);
        open(root, "rwxr-xr-x");
        for (Path dir : new Path[] {workspace.sources(), workspace.input(), workspace.evaluationInput()}) {
            Files.createDirectory(dir);
            open(dir, "rwxr-xr-x");
        }
        for (Path dir : new Path[] {workspace.classes(), workspace.output(), workspace.evaluationOutput()}) {
            Files.createDirectory(dir);
            open(dir, "rwxrwxrwx");
        }
        return workspace;
    }

    /** @return the root folder of this job */
    public Path root() {
        return root;
    }

    /** @return the submitted sources */
    public Path sources() {
        return root.resolve("src");
    }

    /** @return the compiled classes, written by the compiler sandbox */
    public Path classes() {
        return root.resolve("classes");
    }

    /** @return the training job and the training and validation parts */
    public Path input() {
        return root.resolve("input");
    }

    /** @return the training sandbox's report and saved networks */
    public Path output() {
        return root.resolve("output");
    }

    /** @return the evaluation job and the features to predict (no labels) */
    public Path evaluationInput() {
        return root.resolve("evaluation");
    }

    /** @return the evaluation sandbox's predictions and report */
    public Path evaluationOutput() {
        return root.resolve("evaluation-output");
    }

    /**
     * @param dir  a folder a sandbox wrote
     * @param name a file name the trusted side expects there
     * @return the file, when it is a plain file (not a link a hostile program planted)
     */
    public static java.util.Optional<Path> plainFile(Path dir, String name) {
        Path file = dir.resolve(name);
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? java.util.Optional.of(file)
                : java.util.Optional.empty();
    }

    @Override
    public void close() throws IOException {
        deleteTree(root);
    }

    /** Deletes a folder and everything in it. */
    public static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void open(Path dir, String permissions) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(permissions));
    }
}
