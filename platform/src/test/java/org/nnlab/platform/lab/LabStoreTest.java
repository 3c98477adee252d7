package org.nnlab.platform.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.platform.web.InputException;

class LabStoreTest {
    @TempDir
    Path temp;

    @Test
    void aZipWithTheLabInOneTopFolderUnpacksToThatFolder() throws IOException {
        Path into = Files.createDirectory(temp.resolve("in"));

        Path lab = LabStore.unzip(zip(Map.of("my-lab/lab.yaml", "id: my-lab", "my-lab/starter/S.java", "class S {}")),
                into);

        assertEquals(into.resolve("my-lab"), lab);
        assertEquals("class S {}", Files.readString(lab.resolve("starter/S.java")));
    }

    @Test
    void aZipEntryOutsideTheRootIsRefused() {
        InputException error = assertThrows(InputException.class, () -> LabStore.unzip(zip(Map.of(
                "lab.yaml", "id: x", "../evil.txt", "x")), Files.createDirectory(temp.resolve("in"))));

        assertEquals("The zip has an entry outside its root: ../evil.txt", error.getMessage());
        assertTrue(Files.notExists(temp.resolve("evil.txt")));
    }

    @Test
    void aZipWithoutLabFileIsRefused() {
        InputException error = assertThrows(InputException.class, () -> LabStore.unzip(zip(Map.of(
                "notes.txt", "x")), Files.createDirectory(temp.resolve("in"))));

        assertEquals("The zip holds no lab.yaml, neither at its root nor in a single top folder.", error.getMessage());
    }

    @Test
    void theChecksumFollowsContentAndNamesButNotTheFolderLocation() throws IOException {
        Path a = folder("a", Map.of("lab.yaml", "id: x", "starter/S.java", "class S {}"));
        Path b = folder("b", Map.of("lab.yaml", "id: x", "starter/S.java", "class S {}"));
        Path c = folder("c", Map.of("lab.yaml", "id: x", "starter/S.java", "class S { }"));

        assertEquals(LabStore.checksum(a), LabStore.checksum(b));
        assertNotEquals(LabStore.checksum(a), LabStore.checksum(c));
    }

    @Test
    void aStoredRevisionIsACopyInItsOwnFolder() throws IOException {
        Path lab = folder("lab", Map.of("lab.yaml", "id: x"));

        Path stored = new LabStore(temp.resolve("store")).store(lab, "x", 3);

        assertEquals(temp.resolve("store/x/3"), stored);
        assertEquals("id: x", Files.readString(stored.resolve("lab.yaml")));
        assertEquals(LabStore.checksum(lab), LabStore.checksum(stored));
    }

    private Path folder(String name, Map<String, String> files) throws IOException {
        Path folder = temp.resolve(name);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.createDirectories(folder.resolve(file.getKey()).getParent());
            Files.writeString(folder.resolve(file.getKey()), file.getValue());
        }
        return folder;
    }

    private static ByteArrayInputStream zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> entry : new java.util.TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }
}
