package org.nnlab.datasets.obtain;

import java.nio.file.Files;
import java.nio.file.Path;
import org.nnlab.datasets.DatasetSpec;

/** Files fetched earlier, kept under {@code <cache>/datasets/}. */
public final class CacheSource implements DatasetSource {
    private final Path directory;

    /** @param directory the datasets directory inside the cache */
    public CacheSource(Path directory) {
        this.directory = directory;
    }

    @Override
    public String describe(DatasetSpec spec) {
        return "the cache " + directory;
    }

    @Override
    public Candidate find(DatasetSpec spec) {
        Path file = directory.resolve(spec.file());
        return Files.isRegularFile(file) ? Candidate.found(file, "cache") : Candidate.none(file + " does not exist");
    }
}
