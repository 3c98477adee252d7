package org.nnlab.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The class-data-sharing archive of the tests' platform JVMs, as {@code ./nnlab run} keeps one (docs/load.md): Payara
 * Micro's classes and the application's, which a start then maps from the archive instead of reading and verifying
 * them from jars. One archive per Payara Micro jar and Java (a JVM ignores an archive dumped by another Java or from
 * other jars; a changed class of the application is read from the war, as without an archive).
 *
 * <p>While there is none, each start dumps one when it stops, to a file of its own, and the first that stops as
 * asked installs it; one that was killed or had to be forced leaves none.
 */
final class PlatformClassArchive {
    /** Exit statuses of a JVM that shut down as asked (SIGTERM: 128 + 15), after writing its archive. */
    private static final List<Integer> CLEAN_EXITS = List.of(0, 143);
    private final Path archive;

    /**
     * @param folder    where the archive is kept
     * @param payaraJar the Payara Micro jar the platform runs on
     */
    PlatformClassArchive(Path folder, Path payaraJar) {
        this.archive = folder.resolve("payara-classes-" + key(payaraJar) + ".jsa");
    }

    /** @return whether the archive is there, for starts to map */
    boolean exists() {
        return Files.isRegularFile(archive);
    }

    /** @return the archive's file, whether it exists yet or not */
    Path archive() {
        return archive;
    }

    /** @return the JVM options of a start that maps the archive (when it {@link #exists()}) */
    List<String> mapping() {
        return List.of("-XX:SharedArchiveFile=" + archive);
    }

    /**
     * @param pending where the start dumps the archive
     * @return the JVM options of a start that dumps an archive at exit, without the JVM's warning for each class it
     *     leaves out
     */
    List<String> dumpingTo(Path pending) {
        return List.of("-XX:ArchiveClassesAtExit=" + pending, "-Xlog:cds=error");
    }

    /**
     * Installs the archive a stopped JVM dumped, when it stopped as asked and no archive is there yet; deletes it
     * otherwise.
     *
     * @param pending    where it dumped (nothing when its start mapped an archive instead)
     * @param exitStatus the JVM's exit status
     */
    void install(Path pending, int exitStatus) {
        try {
            if (CLEAN_EXITS.contains(exitStatus) && Files.isRegularFile(pending) && !Files.exists(archive)) {
                Files.move(pending, archive, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(pending);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the platform's class archive " + archive, e);
        }
    }

    /** @return 16 hex digits of the jar's name, size and modification time and of the Java that runs it */
    private static String key(Path payaraJar) {
        try {
            String identity = payaraJar.toAbsolutePath() + "|" + Files.size(payaraJar) + "|"
                    + Files.getLastModifiedTime(payaraJar).toMillis() + "|" + System.getProperty("java.home") + "|"
                    + System.getProperty("java.vm.version");
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Payara Micro's jar " + payaraJar, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
