package org.nnlab.grader.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Lends the writable mounts of a job to its uid, and takes them back afterwards.
 *
 * <p>The sandboxed process runs as an unused uid, so a writable mount must belong to that uid while the job runs.
 * Before the job every file under each writable mount is handed to the job's uid and gid; afterwards (once every
 * process of the job is dead, so nothing can race the walk) every file under it, including those the job
 * created, is given back to the owner the mount's top had before. Symbolic links are never followed.
 */
final class MountOwnership {

    private record Owner(Path root, int uid, int gid) {
    }

    private final List<Owner> owners;

    private MountOwnership(List<Owner> owners) {
        this.owners = owners;
    }

    /**
     * Hands every writable mount of {@code mounts} to {@code uid}.
     *
     * @param mounts the job's mounts; read-only ones are left alone
     * @param uid    the job's uid, also its gid
     * @return the record of the previous owners, for {@link #restore()}
     * @throws UncheckedIOException when a mount cannot be handed over (what was handed over is given back)
     */
    static MountOwnership lend(List<Mount> mounts, int uid) {
        List<Owner> owners = new ArrayList<>();
        MountOwnership ownership = new MountOwnership(owners);
        try {
            for (Mount mount : mounts) {
                if (mount.writable()) {
                    Path root = mount.host().toRealPath();
                    owners.add(new Owner(root, (Integer) Files.getAttribute(root, "unix:uid", LinkOption.NOFOLLOW_LINKS),
                            (Integer) Files.getAttribute(root, "unix:gid", LinkOption.NOFOLLOW_LINKS)));
                    chownTree(root, uid, uid);
                }
            }
            return ownership;
        } catch (IOException e) {
            ownership.restore();
            throw new UncheckedIOException("cannot hand a writable mount to the sandbox uid " + uid, e);
        }
    }

    /**
     * Gives every file under the writable mounts back to the previous owner of the mount's top.
     *
     * @throws UncheckedIOException when a file cannot be given back
     */
    void restore() {
        UncheckedIOException failure = null;
        for (Owner owner : owners) {
            try {
                chownTree(owner.root(), owner.uid(), owner.gid());
            } catch (IOException e) {
                if (failure == null) {
                    failure = new UncheckedIOException("cannot give " + owner.root() + " back to uid " + owner.uid(), e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void chownTree(Path root, int uid, int gid) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                chown(dir, uid, gid);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                chown(file, uid, gid);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void chown(Path path, int uid, int gid) throws IOException {
        Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
    }
}
