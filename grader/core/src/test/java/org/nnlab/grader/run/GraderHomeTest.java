package org.nnlab.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraderHomeTest {
    private static final FileTime BUILT = FileTime.from(Instant.parse("2026-11-24T05:00:00Z"));

    @TempDir
    Path root;

    @Test
    void theFingerprintStaysWhileTheJarsStayAndChangesWithAnyJarRebuiltAddedOrRemoved() throws IOException {
        Path harness = jar("nnlab-harness.jar", "classes");
        jar("nd4j-api.jar", "more classes");
        GraderHome home = new GraderHome(root);
        String first = home.fingerprint();

        assertEquals(first, new GraderHome(root).fingerprint());
        assertTrue(first.matches("[0-9a-f]{16}"), first);

        Files.setLastModifiedTime(harness, FileTime.from(BUILT.toInstant().plusSeconds(60)));
        String rebuilt = home.fingerprint();
        assertNotEquals(first, rebuilt, "a jar built again, same size");

        Path added = jar("extra.jar", "x");
        assertNotEquals(rebuilt, home.fingerprint(), "a jar added");
        Files.delete(added);
        assertEquals(rebuilt, home.fingerprint(), "the same jars again");
    }

    @Test
    void eachBuildOfTheJarsHasAnArchiveOfItsOwnBesideTheNatives() throws IOException {
        jar("nnlab-harness.jar", "classes");
        GraderHome home = new GraderHome(root);
        NativeLibraries natives = new NativeLibraries(root.resolve("natives"));

        assertEquals(root.resolve("natives").resolve("harness-" + home.fingerprint() + ".jsa"),
                natives.archive(home));
    }

    private Path jar(String name, String content) throws IOException {
        Path jar = root.resolve("lib").resolve(name);
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, content);
        Files.setLastModifiedTime(jar, BUILT);
        return jar;
    }
}
