package org.nnlab.datasets.obtain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.nnlab.datasets.DatasetSpec;

/**
 * Downloads the Debian package that ships the file with {@code apt-get download} (no installation, no root),
 * extracts that one file with {@code dpkg-deb} and {@code tar}, and stores it in the cache when its checksum is
 * right.
 */
public final class DebianPackageSource implements DatasetSource {
    private static final long DOWNLOAD_TIMEOUT_SECONDS = 300;
    private static final long EXTRACT_TIMEOUT_SECONDS = 60;
    private final Path cacheDirectory;

    /** @param cacheDirectory where fetched files are kept, the datasets directory of the cache */
    public DebianPackageSource(Path cacheDirectory) {
        this.cacheDirectory = cacheDirectory;
    }

    @Override
    public String describe(DatasetSpec spec) {
        return "Debian package " + spec.sources().debianPackage();
    }

    @Override
    public Candidate find(DatasetSpec spec) {
        if (spec.sources().debianPackage() == null) {
            return Candidate.none("no Debian package ships this data set");
        }
        Path work = null;
        try {
            Files.createDirectories(cacheDirectory);
            work = Files.createTempDirectory(cacheDirectory, ".fetch-");
            work.toFile().setReadable(true, false);
            work.toFile().setWritable(true, false);
            ProcessRunner.Result download = ProcessRunner.run(
                    List.of("apt-get", "download", spec.sources().debianPackage()), work, DOWNLOAD_TIMEOUT_SECONDS);
            Path deb = firstDeb(work);
            if (!download.succeeded() || deb == null) {
                return Candidate.none("apt-get download " + spec.sources().debianPackage() + " failed: "
                        + download.lastLine());
            }
            Path extracted = work.resolve(spec.file());
            String member = "./" + spec.sources().debianPath();
            ProcessRunner.Result extract = ProcessRunner.run(List.of("sh", "-c",
                    "dpkg-deb --fsys-tarfile \"$1\" | tar -xO \"$2\" > \"$3\"", "extract", deb.toString(), member,
                    extracted.toString()), work, EXTRACT_TIMEOUT_SECONDS);
            if (!extract.succeeded() || Files.size(extracted) == 0) {
                return Candidate.none("extracting " + member + " from " + deb.getFileName() + " failed: "
                        + extract.lastLine());
            }
            String actual = Checksums.sha256(Files.readAllBytes(extracted));
            if (!actual.equals(spec.sha256())) {
                return Candidate.none(deb.getFileName() + " holds a different " + spec.file() + " (sha256 "
                        + actual + ")");
            }
            Path target = cacheDirectory.resolve(spec.file());
            Files.move(extracted, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Candidate.found(target, "fetched from " + deb.getFileName() + " into the cache");
        } catch (IOException e) {
            return Candidate.none("fetching into " + cacheDirectory + " failed: " + e.getMessage());
        } finally {
            deleteTree(work);
        }
    }

    /**
     * @return the exact shell command a person can run to put the file in the cache by hand
     */
    public String manualCommand(DatasetSpec spec) {
        String pkg = spec.sources().debianPackage();
        return "apt-get update && mkdir -p '" + cacheDirectory + "' && cd \"$(mktemp -d)\" && apt-get download "
                + pkg + " && dpkg-deb --fsys-tarfile " + pkg + "_*.deb | tar -xO ./" + spec.sources().debianPath()
                + " > '" + cacheDirectory.resolve(spec.file()) + "'";
    }

    private static Path firstDeb(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".deb")).findFirst().orElse(null);
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory in the cache is harmless
        }
    }
}
