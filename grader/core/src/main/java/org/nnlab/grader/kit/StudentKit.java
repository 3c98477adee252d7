package org.nnlab.grader.kit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.nnlab.datasets.obtain.Checksums;
import org.nnlab.grader.lab.Lab;
import org.nnlab.protocol.KitDescriptor;
import org.nnlab.protocol.ProtocolJson;

/**
 * Writes a lab's student kit: a zip with one folder, {@code <lab id>-kit/}, that holds a Maven project in which
 * {@code mvn -q compile exec:java} trains the student's solution with the grader's harness and prints its curves.
 * It holds the starter (never the reference solution or its answers), the instructions, the lab's descriptor, the
 * data set file, the kit jar (the nnlab classes) in a file repository, a pom, the JVM options and a README.
 */
public final class StudentKit {
    /** The JVM options of a kit's run, as in a graded run: the lab's heap, no JavaCPP pointer GC, serial GC. */
    static final String JVM_CONFIG = "-Xmx1g -XX:+UseSerialGC -Dorg.bytedeco.javacpp.nopointergc=true\n";
    private static final String KIT_REPO_PATH = "repo/org/nnlab/nnlab-kit/";

    private StudentKit() {
    }

    /**
     * @param lab         the lab
     * @param kitJar      the kit jar, {@code grader/kit/target/nnlab-kit.jar}
     * @param datasetFile the lab's data set file, verified
     * @param out         where the zip is written; left open
     * @throws IOException when a file cannot be read, or the starter holds the reference or a link
     */
    public static void write(Lab lab, Path kitJar, Path datasetFile, OutputStream out) throws IOException {
        byte[] jar = Files.readAllBytes(kitJar);
        String kitVersion = kitVersion(jar);
        List<Path> starter = starterFiles(lab);
        List<String> starterNames = starter.stream().map(file -> slashed(lab.starterDirectory().relativize(file)))
                .toList();
        try (KitZip zip = new KitZip(out, rootFolder(lab))) {
            zip.add("README.md", utf8(StudentReadme.text(lab.id(), lab.title(), lab.entryClass(), lab.runs(),
                    lab.limits().cpus(), starterNames)));
            zip.add("pom.xml", utf8(StudentPom.text(lab.id(), lab.version(), lab.title(), kitVersion,
                    KitVersions.ofThisBuild())));
            zip.add(".mvn/jvm.config", utf8(JVM_CONFIG));
            zip.add(KitDescriptor.FILE, ProtocolJson.bytes(descriptor(lab)));
            zip.add("instructions.md", Files.readAllBytes(lab.directory().resolve(lab.instructions())));
            zip.add("data/" + datasetFile.getFileName(), Files.readAllBytes(datasetFile));
            for (int i = 0; i < starter.size(); i++) {
                zip.add("src/main/java/" + starterNames.get(i), Files.readAllBytes(starter.get(i)));
            }
            String artifact = KIT_REPO_PATH + kitVersion + "/nnlab-kit-" + kitVersion;
            byte[] pom = utf8(kitPom(kitVersion));
            zip.add(artifact + ".jar", jar);
            zip.add(artifact + ".jar.sha1", utf8(sha1(jar)));
            zip.add(artifact + ".pom", pom);
            zip.add(artifact + ".pom.sha1", utf8(sha1(pom)));
        }
    }

    /** @return the kit's root folder, e.g. {@code digits-regularization-kit} */
    public static String rootFolder(Lab lab) {
        return lab.id() + "-kit";
    }

    /**
     * @param kitJar the kit jar's bytes
     * @return {@code 1.0-} and the first 12 hex digits of its SHA-256: a changed jar gets a version of its own, so a
     *     student's local Maven repository never serves an older jar under the same version
     */
    public static String kitVersion(byte[] kitJar) {
        return "1.0-" + Checksums.sha256(kitJar).substring(0, 12);
    }

    /** @return what the kit's training needs to know of the lab, and nothing of how it is graded */
    public static KitDescriptor descriptor(Lab lab) {
        Lab.SplitSpec split = lab.split();
        return new KitDescriptor(lab.id(), lab.title(), lab.version(), lab.dataset(),
                new KitDescriptor.Split(split.train(), split.validation(), split.test(), split.seed()),
                lab.scaling().name().toLowerCase(Locale.ROOT), lab.entryClass(), lab.parameters(), lab.runs(),
                lab.limits().cpus());
    }

    /** @return the starter's regular files, sorted; a link, or a starter that holds the reference, is refused */
    private static List<Path> starterFiles(Lab lab) throws IOException {
        Path starter = lab.starterDirectory().toAbsolutePath().normalize();
        Path reference = lab.referenceDirectory().toAbsolutePath().normalize();
        if (reference.startsWith(starter)) {
            throw new IOException("Lab " + lab.id() + ": the starter folder " + starter + " holds the reference "
                    + "solution " + reference + "; a kit would give it away.");
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(starter)) {
            for (Path path : paths.sorted().toList()) {
                if (Files.isSymbolicLink(path)) {
                    throw new IOException("Lab " + lab.id() + ": the starter holds a link, " + path
                            + "; a kit takes plain files only.");
                }
                if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    files.add(path);
                }
            }
        }
        return files;
    }

    private static String kitPom(String kitVersion) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>org.nnlab</groupId>
                  <artifactId>nnlab-kit</artifactId>
                  <version>%s</version>
                  <description>The nnlab student API and the grader's harness, without ND4J.</description>
                </project>
                """.formatted(kitVersion);
    }

    private static String slashed(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String sha1(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
