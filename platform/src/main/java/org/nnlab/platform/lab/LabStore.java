package org.nnlab.platform.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.nnlab.platform.web.InputException;

/**
 * The folders of lab revisions, {@code <root>/<lab id>/<revision>/}: copies that never change once written. Also
 * unpacks an uploaded lab zip, refusing paths outside its root, links, and archives too large or with too many
 * files.
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

    /**
     * Copies a lab folder as revision {@code revision} of {@code labId}.
     *
     * @return the copy
     */
    public Path store(Path folder, String labId, int revision) throws IOException {
        Path target = root.resolve(labId).resolve(Integer.toString(revision));
        Path partial = root.resolve(labId).resolve(revision + ".partial");
        deleteTree(partial);
        for (Path file : files(folder)) {
            Path copy = partial.resolve(folder.relativize(file).toString());
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy);
        }
        Files.createDirectories(partial);
        deleteTree(target);
        Files.move(partial, target);
        return target;
    }

    /**
     * Unpacks a lab zip into {@code into}.
     *
     * @return the lab folder: {@code into} itself, or the zip's single top folder when the lab file is there
     * @throws InputException when the zip is not valid or not safe, with the reason
     */
    public static Path unzip(InputStream zip, Path into) throws IOException {
        int count = 0;
        long bytes = 0;
        try (ZipInputStream entries = new ZipInputStream(zip)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into) || entry.getName().startsWith("/")) {
                    throw new InputException("The zip has an entry outside its root: " + entry.getName());
                }
                if (++count > MAX_FILES) {
                    throw new InputException("The zip has more than " + MAX_FILES + " entries.");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                byte[] content = entries.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_BYTES - bytes + 1));
                bytes += content.length;
                if (bytes > MAX_BYTES) {
                    throw new InputException("The zip unpacks to more than " + MAX_BYTES / (1024 * 1024) + " MiB.");
                }
                Files.write(target, content);
            }
        } catch (java.util.zip.ZipException | IllegalArgumentException e) {
            throw new InputException("The file is not a valid zip: " + e.getMessage());
        }
        if (count == 0) {
            throw new InputException("The zip is empty; it should hold a lab folder with lab.yaml.");
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
        throw new InputException("The zip holds no lab.yaml, neither at its root nor in a single top folder.");
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
                    throw new InputException("The lab holds a link, " + folder.relativize(path) + "; a lab takes "
                            + "plain files only.");
                }
            }
            return all.stream().filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList();
        }
    }
}
