package org.nnlab.datasets.obtain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nnlab.datasets.Dataset;
import org.nnlab.datasets.DatasetCatalog;
import org.nnlab.datasets.DatasetException;
import org.nnlab.datasets.DatasetSpec;
import org.nnlab.datasets.LabeledData;

/**
 * Finds a data file by trying its sources in order, verifies its size and SHA-256 on every load, and parses it.
 * A file that does not match the catalog is refused; when no source yields a good file the error says which
 * command puts one in the cache.
 */
public final class DatasetLoader {
    private final DatasetCatalog catalog;
    private final List<DatasetSource> sources;
    private final DebianPackageSource debian;

    /**
     * @param catalog the data sets known
     * @param sources the sources to try, in order
     * @param debian  the source whose manual command the failure message gives
     */
    public DatasetLoader(DatasetCatalog catalog, List<DatasetSource> sources, DebianPackageSource debian) {
        this.catalog = catalog;
        this.sources = List.copyOf(sources);
        this.debian = debian;
    }

    /**
     * The loader every nnlab command uses: an explicit path, an installed scikit-learn, the cache, then the
     * Debian package, fetched into the cache.
     */
    public static DatasetLoader standard() {
        Path cache = CacheDirectory.resolve().resolve("datasets");
        DebianPackageSource debian = new DebianPackageSource(cache);
        return new DatasetLoader(DatasetCatalog.builtIn(), List.of(new ExplicitPathSource(), new ScikitLearnSource(),
                new CacheSource(cache), debian), debian);
    }

    /**
     * The {@link #standard()} loader with one more source tried before the others, e.g. the folder of data files
     * that comes with a student kit. A file found there is verified like any other; one that fails verification is
     * passed over for the standard sources.
     *
     * @param first the source to try first
     */
    public static DatasetLoader preferring(DatasetSource first) {
        DatasetLoader standard = standard();
        List<DatasetSource> sources = new ArrayList<>();
        sources.add(first);
        sources.addAll(standard.sources);
        return new DatasetLoader(standard.catalog, sources, standard.debian);
    }

    /**
     * @param id the data set id, e.g. {@code digits}
     * @return the verified data set
     * @throws DatasetException with a complete, user-facing message when it cannot be had
     */
    public Dataset load(String id) {
        DatasetSpec spec = catalog.spec(id);
        List<String> tried = new ArrayList<>();
        for (DatasetSource source : sources) {
            Candidate candidate = source.find(spec);
            if (!candidate.isFound()) {
                tried.add(source.describe(spec) + ": " + candidate.note());
                continue;
            }
            byte[] content = read(candidate.file());
            String refusal = refusal(spec, candidate.file(), content);
            if (refusal == null) {
                return new Dataset(spec, parse(spec, candidate.file(), content), candidate.file(), candidate.note());
            }
            if (source.authoritative()) {
                throw new DatasetException(refusal);
            }
            tried.add(source.describe(spec) + ": " + refusal);
        }
        throw new DatasetException(notFound(spec, tried));
    }

    /**
     * @return null when the content is the data set's file, else the message that refuses it
     */
    static String refusal(DatasetSpec spec, Path file, byte[] content) {
        String actual = Checksums.sha256(content);
        if (actual.equals(spec.sha256()) && content.length == spec.sizeBytes()) {
            return null;
        }
        String size = content.length < spec.sizeBytes() ? "truncated: " + content.length + " bytes of "
                + spec.sizeBytes() : content.length + " bytes, expected " + spec.sizeBytes();
        return "Refusing " + file + ": it is not the " + spec.id() + " data set file " + spec.file() + " ("
                + size + "; sha256 " + actual + ", expected sha256 " + spec.sha256()
                + "). It is corrupted, truncated or a different version: delete it or replace it with a good copy.";
    }

    private String notFound(DatasetSpec spec, List<String> tried) {
        StringBuilder message = new StringBuilder("The ").append(spec.id()).append(" data set (").append(spec.file())
                .append(", sha256 ").append(spec.sha256()).append(") could not be obtained. Tried:\n");
        tried.forEach(line -> message.append("  - ").append(line).append('\n'));
        if (spec.sources().debianPackage() != null) {
            message.append("To fetch it into the cache, run (as root for apt-get update):\n  ")
                    .append(debian.manualCommand(spec)).append("\nor ");
        }
        message.append("set ").append(spec.sources().pathEnvironmentVariable()).append(" to the path of a copy of ")
                .append(spec.file()).append('.');
        return message.toString();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DatasetException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static LabeledData parse(DatasetSpec spec, Path file, byte[] content) {
        try {
            return spec.format().parse(content, file.toString(), spec);
        } catch (IOException e) {
            throw new DatasetException("Cannot decompress " + file + ": " + e.getMessage(), e);
        }
    }
}
