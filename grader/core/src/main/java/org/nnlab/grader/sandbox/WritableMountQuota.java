package org.nnlab.grader.sandbox;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * The quota of a job's writable mounts: host folders, on a disk the job must not fill. The supervisor checks it
 * about every {@link ProcessSupervisor#POLL} and once more at the end; once the files under the mounts hold more
 * bytes, or more entries, than allowed, the quota stays exceeded and the job is killed.
 */
final class WritableMountQuota {

    /** The most files and folders a job's writable mounts may hold in all. */
    static final int MAX_ENTRIES = 10_000;

    private final List<Path> roots;
    private final long maxBytes;
    private boolean exceeded;

    /**
     * @param mounts   the job's mounts; only the writable ones are watched
     * @param maxBytes the most bytes their files may hold in all
     */
    WritableMountQuota(List<Mount> mounts, long maxBytes) {
        this.roots = mounts.stream().filter(Mount::writable).map(Mount::host).toList();
        this.maxBytes = maxBytes;
    }

    /**
     * Measures the mounts, unless the quota was exceeded already. Links are not followed; files that vanish while
     * they are measured are skipped.
     *
     * @return whether the quota is exceeded, now or at an earlier check
     */
    synchronized boolean check() {
        if (!exceeded && !roots.isEmpty()) {
            exceeded = overQuota();
        }
        return exceeded;
    }

    private boolean overQuota() {
        long[] bytesAndEntries = new long[2];
        for (Path root : roots) {
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                        return count(0);
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        return count(attributes.size());
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException gone) {
                        return FileVisitResult.CONTINUE;
                    }

                    private FileVisitResult count(long bytes) {
                        bytesAndEntries[0] += bytes;
                        bytesAndEntries[1]++;
                        return over(bytesAndEntries) ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException unreadable) {
                // a mount that cannot be walked holds nothing the job could have written
            }
        }
        return over(bytesAndEntries);
    }

    private boolean over(long[] bytesAndEntries) {
        return bytesAndEntries[0] > maxBytes || bytesAndEntries[1] > MAX_ENTRIES;
    }
}
