package org.nnlab.worker.lab;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The folders of lab revisions, {@code <root>/<lab id>/<revision>/}: each platform instance's and worker's own cache
 * of the revisions the database keeps as zips, unpacked on first use and never changed once in place. Also unpacks an
 * uploaded lab zip, refusing paths outside its root, links, and archives too large or with too many files.
 */
public final class LabStore {
    /** The most files a lab zip may hold. */
    static final int MAX_FILES = 500;
    /** The most bytes a lab zip may unpack to. */
    static final long MAX_BYTES = 32L * 1024 * 1024;
    private final Path root;

    /** @param root where revisions are kept */
    public LabStore(Path root) {
        this.root = root;
    }

    /** @return a lab folder's checksum: of every regular file's relative path and content, in path order */
    public static String checksum(Path folder) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files(folder)) {
                digest.update(folder.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(file));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** @return where revision {@code revision} of {@code labId} is unpacked */
    public Path folder(String labId, int revision) {
        return root.resolve(labId).resolve(Integer.toString(revision));
    }

    /**
     * Packs a lab folder's regular files as a zip, each entry named by its path relative to the folder, for the
     * database to keep: every platform instance and worker unpacks a revision from it with {@link #materialize}.
     *
     * @throws LabFilesException when the folder holds a link, or more files or bytes than a lab zip may hold
     */
    public static byte[] zip(Path folder) throws IOException {
        List<Path> files = files(folder);
        if (files.size() > MAX_FILES) {
            throw new LabFilesException("The lab holds more than " + MAX_FILES + " files.");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long size = 0;
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Path file : files) {
                byte[] content = Files.readAllBytes(file);
                size += content.length;
                if (size > MAX_BYTES) {
                    throw new LabFilesException("The lab holds more than " + MAX_BYTES / (1024 * 1024) + " MiB.");
                }
                zip.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /**
     * The folder of revision {@code revision} of {@code labId}, unpacked from its zip when this store lacks it or
     * holds other files than the revision's checksum says. The zip is unpacked into a folder of its own, verified,
     * and then moved into place, so that a folder in place is always complete; when two threads do it at once, both
     * get the folder that was moved first.
     *
     * @param sha256 the revision's checksum ({@link #checksum})
     * @param zip    the revision's files as {@link #zip} packed them, read only when they must be unpacked
     * @return the folder
     * @throws IOException when the zip's files do not have the revision's checksum, or cannot be written
     */
    public Path materialize(String labId, int revision, String sha256, Supplier<byte[]> zip) throws IOException {
        Path target = folder(labId, revision);
        if (holds(target, sha256)) {
            return target;
        }
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempDirectory(target.getParent(), revision + ".partial");
        try {
            unzip(new ByteArrayInputStream(zip.get()), partial);
            if (!holds(partial, sha256)) {
                throw new IOException("revision " + revision + " of " + labId + " unpacks to files whose checksum "
                        + checksum(partial) + " is not its own, " + sha256);
            }
            if (Files.exists(target)) {
                deleteTree(target);
            }
            Files.move(partial, target);
        } catch (FileSystemException e) {
            if (!holds(target, sha256)) {
                throw e;
            }
        } finally {
            deleteTree(partial);
        }
        return target;
    }

    /** @return whether a folder exists and holds the files of this checksum */
    private static boolean holds(Path folder, String sha256) throws IOException {
        return Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) && checksum(folder).equals(sha256);
    }

    /**
     * Unpacks a lab zip into {@code into}.
     *
     * @return the lab folder: {@code into} itself, or the zip's single top folder when the lab file is there
     * @throws LabFilesException when the zip is not valid or not safe, with the reason
     */
    public static Path unzip(InputStream zip, Path into) throws IOException {
        int count = 0;
        long bytes = 0;
        try (ZipInputStream entries = new ZipInputStream(zip)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into) || entry.getName().startsWith("/")) {
                    throw new LabFilesException("The zip has an entry outside its root: " + entry.getName());
                }
                if (++count > MAX_FILES) {
                    throw new LabFilesException("The zip has more than " + MAX_FILES + " entries.");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                byte[] content = entries.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_BYTES - bytes + 1));
                bytes += content.length;
                if (bytes > MAX_BYTES) {
                    throw new LabFilesException("The zip unpacks to more than " + MAX_BYTES / (1024 * 1024) + " MiB.");
                }
                Files.write(target, content);
            }
        } catch (java.util.zip.ZipException | IllegalArgumentException e) {
            throw new LabFilesException("The file is not a valid zip: " + e.getMessage());
        }
        if (count == 0) {
            throw new LabFilesException("The zip is empty; it should hold a lab folder with lab.yaml.");
        }
        if (Files.isRegularFile(into.resolve("lab.yaml"))) {
            return into;
        }
        try (Stream<Path> top = Files.list(into)) {
            List<Path> folders = top.filter(Files::isDirectory).toList();
            if (folders.size() == 1 && Files.isRegularFile(folders.get(0).resolve("lab.yaml"))) {
                return folders.get(0);
            }
        }
        throw new LabFilesException("The zip holds no lab.yaml, neither at its root nor in a single top folder.");
    }

    /** Deletes a folder and everything in it, if it exists. */
    public static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            List<Path> all = paths.sorted().toList();
            for (Path path : all) {
                if (Files.isSymbolicLink(path)) {
                    throw new LabFilesException("The lab holds a link, " + folder.relativize(path) + "; a lab takes "
                            + "plain files only.");
                }
            }
            return all.stream().filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList();
        }
    }
}
