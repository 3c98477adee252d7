package org.nnlab.grader.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;

/**
 * Hands out user ids that nobody uses, one per concurrent sandboxed job, so that two jobs can never signal,
 * ptrace or read each other's processes and files.
 *
 * <p>A uid is free when no other job of this JVM holds it, no other process holds its lock file (so two grader
 * JVMs on one machine do not collide), it is neither a user nor a group in /etc/passwd and /etc/group, and no
 * process runs with it. The search starts after the last uid handed out, so that a uid is not reused at once.
 */
final class UidPool {

    /** The first uid of the default pool. */
    static final int FIRST = 61000;
    /** The last uid of the default pool. */
    static final int LAST = 61999;

    private static final UidPool SHARED = new UidPool(FIRST, LAST, lockDirectory());

    private final int first;
    private final int last;
    private final Path lockDirectory;
    private final Set<Integer> held = new HashSet<>();
    private int next;
    private int lastHandedOut = -1;

    /**
     * A uid handed out to one job; closing it gives the uid back.
     */
    final class Lease implements AutoCloseable {
        private final int uid;
        private final FileChannel lockFile;
        private boolean released;

        private Lease(int uid, FileChannel lockFile) {
            this.uid = uid;
            this.lockFile = lockFile;
        }

        /** @return the uid, also used as the gid */
        int uid() {
            return uid;
        }

        /** Gives the uid back to the pool. */
        @Override
        public void close() {
            synchronized (UidPool.this) {
                if (released) {
                    return;
                }
                released = true;
                try {
                    lockFile.close();
                } catch (IOException e) {
                    // closing releases the lock even when it reports an error
                }
                held.remove(uid);
            }
        }
    }

    /**
     * @param first         the first uid of the pool
     * @param last          the last uid of the pool
     * @param lockDirectory where the lock files that keep other JVMs off a uid live
     */
    UidPool(int first, int last, Path lockDirectory) {
        if (first <= 0 || last < first) {
            throw new IllegalArgumentException("bad uid range " + first + ".." + last);
        }
        this.first = first;
        this.last = last;
        this.lockDirectory = lockDirectory;
        this.next = first;
    }

    /** @return the pool of all sandboxes of this JVM: uids 61000..61999 */
    static UidPool shared() {
        return SHARED;
    }

    /**
     * Takes a free uid.
     *
     * @return the lease of the uid
     * @throws IllegalStateException when every uid of the pool is in use
     */
    synchronized Lease acquire() {
        Set<Long> taken = new HashSet<>();
        taken.addAll(idsIn(Path.of("/etc/passwd")));
        taken.addAll(idsIn(Path.of("/etc/group")));
        taken.addAll(LinuxProcesses.livingUids());
        int size = last - first + 1;
        for (int i = 0; i < size; i++) {
            int uid = first + (next - first + i) % size;
            if (held.contains(uid) || taken.contains((long) uid)) {
                continue;
            }
            FileChannel lockFile = tryLock(uid);
            if (lockFile != null) {
                held.add(uid);
                lastHandedOut = uid;
                next = uid == last ? first : uid + 1;
                return new Lease(uid, lockFile);
            }
        }
        throw new IllegalStateException("no free uid in " + first + ".." + last + " for a sandboxed job");
    }

    /** @return the uid of the latest lease, -1 before the first */
    synchronized int lastHandedOut() {
        return lastHandedOut;
    }

    /** @return the file whose lock keeps other JVMs off a uid */
    Path lockFile(int uid) {
        return lockDirectory.resolve("uid-" + uid + ".lock");
    }

    private FileChannel tryLock(int uid) {
        FileChannel channel = null;
        try {
            Files.createDirectories(lockDirectory);
            channel = FileChannel.open(lockFile(uid), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldByThisJvm) {
                lock = null; // another pool of this JVM holds it
            }
            if (lock != null) {
                return channel;
            }
            channel.close();
            return null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock a sandbox uid in " + lockDirectory, e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing was locked
            }
        }
    }

    /** @return the numeric ids (third field) of a passwd or group file */
    private static Set<Long> idsIn(Path file) {
        Set<Long> ids = new HashSet<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] fields = line.split(":");
                if (fields.length > 2 && fields[2].matches("\\d{1,10}")) {
                    ids.add(Long.parseLong(fields[2]));
                }
            }
        } catch (IOException e) {
            // a machine without the file has no such users
        }
        return ids;
    }

    private static Path lockDirectory() {
        Path run = Path.of("/run/nnlab-sandbox");
        try {
            if (!Files.isDirectory(run)) {
                Files.createDirectories(run, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            return run;
        } catch (IOException | UnsupportedOperationException e) {
            return Path.of(System.getProperty("java.io.tmpdir"), "nnlab-sandbox-uids");
        }
    }
}
