package org.nnlab.datasets.obtain;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nnlab.datasets.DatasetSpec;

/**
 * The copy of the file inside an installed scikit-learn: first the usual package directories, then wherever
 * {@code python3} says its {@code sklearn} package is.
 */
public final class ScikitLearnSource implements DatasetSource {
    private static final long PYTHON_TIMEOUT_SECONDS = 20;
    private final List<Path> packageRoots;
    private final boolean askPython;
    private Optional<Path> pythonSklearn;

    /** Looks in the usual places of this machine and asks {@code python3}. */
    public ScikitLearnSource() {
        this(usualPackageRoots(), true);
    }

    /**
     * @param packageRoots directories that may contain a {@code sklearn} package directory
     * @param askPython    whether to ask {@code python3} where its {@code sklearn} is when none of them has it
     */
    public ScikitLearnSource(List<Path> packageRoots, boolean askPython) {
        this.packageRoots = List.copyOf(packageRoots);
        this.askPython = askPython;
    }

    @Override
    public String describe(DatasetSpec spec) {
        return "an installed scikit-learn";
    }

    @Override
    public Candidate find(DatasetSpec spec) {
        String relative = spec.sources().scikitLearnPath();
        if (relative == null) {
            return Candidate.none("scikit-learn does not ship this data set");
        }
        for (Path root : packageRoots) {
            Path file = root.resolve("sklearn").resolve(relative);
            if (Files.isRegularFile(file)) {
                return Candidate.found(file, "scikit-learn in " + root);
            }
        }
        if (askPython) {
            Optional<Path> sklearn = pythonSklearn();
            if (sklearn.isPresent() && Files.isRegularFile(sklearn.get().resolve(relative))) {
                return Candidate.found(sklearn.get().resolve(relative), "scikit-learn of python3");
            }
        }
        return Candidate.none("no scikit-learn installation found");
    }

    /** Asks python3 once per source where its sklearn package is; the answer does not change while nnlab runs. */
    private synchronized Optional<Path> pythonSklearn() {
        if (pythonSklearn == null) {
            ProcessRunner.Result result = ProcessRunner.run(List.of("python3", "-c",
                    "import os, sklearn; print(os.path.dirname(sklearn.__file__))"), null, PYTHON_TIMEOUT_SECONDS);
            pythonSklearn = result.succeeded() ? Optional.of(Path.of(result.lastLine())) : Optional.empty();
        }
        return pythonSklearn;
    }

    private static List<Path> usualPackageRoots() {
        List<Path> roots = new ArrayList<>();
        roots.add(Path.of("/usr/lib/python3/dist-packages"));
        String virtualEnv = System.getenv("VIRTUAL_ENV");
        if (virtualEnv != null && !virtualEnv.isBlank()) {
            addVersioned(roots, Path.of(virtualEnv, "lib"), "site-packages");
        }
        addVersioned(roots, Path.of("/usr/local/lib"), "dist-packages");
        addVersioned(roots, Path.of("/usr/local/lib"), "site-packages");
        addVersioned(roots, Path.of(System.getProperty("user.home"), ".local", "lib"), "site-packages");
        return roots;
    }

    private static void addVersioned(List<Path> roots, Path lib, String packagesDir) {
        if (!Files.isDirectory(lib)) {
            return;
        }
        try (DirectoryStream<Path> versions = Files.newDirectoryStream(lib, "python3*")) {
            versions.forEach(version -> roots.add(version.resolve(packagesDir)));
        } catch (IOException e) {
            // an unreadable directory holds nothing we can use
        }
    }
}
