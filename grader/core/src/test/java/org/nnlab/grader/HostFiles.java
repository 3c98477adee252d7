package org.nnlab.grader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A fingerprint of host folders that sandboxed jobs must leave untouched: every entry under them with its size,
 * modification time and inode (links not followed), and the SHA-256 of the files that matter most.
 *
 * @param entries path to what was recorded of it
 */
record HostFiles(Map<Path, String> entries) {

    /**
     * @param folders the folders whose every entry is recorded
     * @param hashed  files whose contents are hashed too
     * @return the fingerprint
     */
    static HostFiles of(List<Path> folders, List<Path> hashed) throws IOException {
        Map<Path, String> entries = new TreeMap<>();
        for (Path folder : folders) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.toList()) {
                    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS);
                    entries.put(path, attributes.size() + " bytes, modified " + attributes.lastModifiedTime()
                            + ", inode " + attributes.fileKey());
                }
            }
        }
        for (Path file : hashed) {
            entries.merge(file, "sha256 " + sha256(file), (metadata, hash) -> metadata + ", " + hash);
        }
        return new HostFiles(entries);
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
