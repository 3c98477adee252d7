package org.nnlab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformClassArchiveTest {
    @TempDir
    Path folder;
    private Path jar;
    private Path pending;

    @BeforeEach
    void aPayaraJar() throws Exception {
        jar = Files.writeString(folder.resolve("payara-micro.jar"), "jar");
        pending = folder.resolve("instance").resolve("classes.jsa");
        Files.createDirectories(pending.getParent());
    }

    @Test
    void withoutAnArchiveAStartDumpsOneAtExitQuietly() {
        PlatformClassArchive classes = new PlatformClassArchive(folder, jar);

        assertFalse(classes.exists());
        assertEquals(List.of("-XX:ArchiveClassesAtExit=" + pending, "-Xlog:cds=error"), classes.dumpingTo(pending));
    }

    @Test
    void aJvmThatStoppedAsAskedInstallsItsArchiveWhichLaterStartsMap() throws Exception {
        PlatformClassArchive classes = new PlatformClassArchive(folder, jar);
        Files.writeString(pending, "classes");

        classes.install(pending, 143);

        assertEquals("classes", Files.readString(classes.archive()));
        assertFalse(Files.exists(pending));
        assertTrue(classes.exists());
        assertEquals(List.of("-XX:SharedArchiveFile=" + classes.archive()), classes.mapping());
    }

    @Test
    void aKilledJvmsArchiveIsDeletedNotInstalled() throws Exception {
        PlatformClassArchive classes = new PlatformClassArchive(folder, jar);
        Files.writeString(pending, "half an archive");

        classes.install(pending, 137);

        assertFalse(Files.exists(classes.archive()));
        assertFalse(Files.exists(pending));
    }

    @Test
    void anInstalledArchiveIsKeptWhenAnotherJvmStopsWithOneOfItsOwn() throws Exception {
        PlatformClassArchive classes = new PlatformClassArchive(folder, jar);
        Files.writeString(classes.archive(), "first");
        Files.writeString(pending, "second");

        classes.install(pending, 143);

        assertEquals("first", Files.readString(classes.archive()));
        assertFalse(Files.exists(pending));
    }

    @Test
    void anotherPayaraJarHasAnArchiveOfItsOwn() throws Exception {
        Path before = new PlatformClassArchive(folder, jar).archive();

        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));

        Path after = new PlatformClassArchive(folder, jar).archive();
        assertNotEquals(before, after);
        assertTrue(after.getFileName().toString().matches("payara-classes-[0-9a-f]{16}\\.jsa"), after.toString());
    }
}
