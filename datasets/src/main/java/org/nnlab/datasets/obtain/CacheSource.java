package org.nnlab.datasets.obtain;

import java.nio.file.Files;
import java.nio.file.Path;
import org.nnlab.datasets.DatasetSpec;

/**
 * A folder that holds data files under their catalog file names: the cache's {@code datasets/} folder, where
 * fetched files are kept, or another such folder, e.g. the {@code data/} folder of a student kit.
 */
public final class CacheSource implements DatasetSource {
    private final Path directory;
    private final String name;

    /** @param directory the datasets directory inside the cache */
    public CacheSource(Path directory) {
        this(directory, "the cache");
    }

    /**
     * @param directory a folder of data files
     * @param name      what the folder is, for messages and as the data set's origin, e.g. "the kit's data folder"
     */
    public CacheSource(Path directory, String name) {
        this.directory = directory;
        this.name = name;
    }

    @Override
    public String describe(DatasetSpec spec) {
        return name + " " + directory;
    }

    @Override
    public Candidate find(DatasetSpec spec) {
        Path file = directory.resolve(spec.file());
        return Files.isRegularFile(file) ? Candidate.found(file, name) : Candidate.none(file + " does not exist");
    }
}
