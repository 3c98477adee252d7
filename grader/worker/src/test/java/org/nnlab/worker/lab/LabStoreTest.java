package org.nnlab.worker.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


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
        LabFilesException error = assertThrows(LabFilesException.class, () -> LabStore.unzip(zip(Map.of(
                "lab.yaml", "id: x", "../evil.txt", "x")), Files.createDirectory(temp.resolve("in"))));

        assertEquals("The zip has an entry outside its root: ../evil.txt", error.getMessage());
        assertTrue(Files.notExists(temp.resolve("evil.txt")));
    }

    @Test
    void aZipWithoutLabFileIsRefused() {
        LabFilesException error = assertThrows(LabFilesException.class, () -> LabStore.unzip(zip(Map.of(
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
    void aRevisionIsUnpackedFromItsZipIntoItsOwnFolder() throws IOException {
        Path lab = folder("lab", Map.of("lab.yaml", "id: x", "starter/S.java", "class S {}"));

        Path unpacked = new LabStore(temp.resolve("store")).materialize("x", 3, LabStore.checksum(lab),
                () -> zipOf(lab));

        assertEquals(temp.resolve("store/x/3"), unpacked);
        assertEquals("class S {}", Files.readString(unpacked.resolve("starter/S.java")));
        assertEquals(LabStore.checksum(lab), LabStore.checksum(unpacked));
        assertEquals(List.of("3"), names(temp.resolve("store/x")), "no partial folder is left");
    }

    @Test
    void aRevisionInPlaceIsUsedWithoutReadingItsZip() throws IOException {
        Path lab = folder("lab", Map.of("lab.yaml", "id: x"));
        LabStore store = new LabStore(temp.resolve("store"));
        store.materialize("x", 1, LabStore.checksum(lab), () -> zipOf(lab));

        Path again = store.materialize("x", 1, LabStore.checksum(lab), () -> {
            throw new AssertionError("the zip was read although the folder is in place");
        });

        assertEquals(temp.resolve("store/x/1"), again);
    }

    @Test
    void aFolderInPlaceWithOtherFilesIsReplacedByTheRevisionsOwn() throws IOException {
        Path lab = folder("lab", Map.of("lab.yaml", "id: x"));
        folder("store/x/1", Map.of("lab.yaml", "id: y", "stale.txt", "left over"));

        Path unpacked = new LabStore(temp.resolve("store")).materialize("x", 1, LabStore.checksum(lab),
                () -> zipOf(lab));

        assertEquals(LabStore.checksum(lab), LabStore.checksum(unpacked));
        assertTrue(Files.notExists(unpacked.resolve("stale.txt")));
    }

    @Test
    void aZipWhoseFilesDoNotHaveTheRevisionsChecksumIsRefusedAndLeavesNothing() throws IOException {
        Path lab = folder("lab", Map.of("lab.yaml", "id: x"));
        Path other = folder("other", Map.of("lab.yaml", "id: x", "extra.txt", "not in the revision"));

        IOException error = assertThrows(IOException.class, () -> new LabStore(temp.resolve("store"))
                .materialize("x", 2, LabStore.checksum(lab), () -> zipOf(other)));

        assertTrue(error.getMessage().startsWith("revision 2 of x unpacks to files whose checksum "),
                error.getMessage());
        assertEquals(List.of(), names(temp.resolve("store/x")));
    }

    @Test
    void twoThreadsUnpackingOneRevisionAtOnceBothGetTheSameCompleteFolder() throws Exception {
        Path lab = folder("lab", Map.of("lab.yaml", "id: x", "starter/S.java", "class S {}", "data/notes.md", "n"));
        String sha256 = LabStore.checksum(lab);
        LabStore store = new LabStore(temp.resolve("store"));
        CyclicBarrier bothLackIt = new CyclicBarrier(2);
        Callable<Path> unpack = () -> store.materialize("x", 1, sha256, () -> {
            try {
                bothLackIt.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return zipOf(lab);
        });
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Path> one = threads.submit(unpack);
            Future<Path> two = threads.submit(unpack);

            assertEquals(temp.resolve("store/x/1"), one.get(30, TimeUnit.SECONDS));
            assertEquals(temp.resolve("store/x/1"), two.get(30, TimeUnit.SECONDS));
        } finally {
            threads.shutdownNow();
        }
        assertEquals(sha256, LabStore.checksum(temp.resolve("store/x/1")));
        assertEquals(List.of("1"), names(temp.resolve("store/x")), "no partial folder is left");
    }

    @Test
    void aLabFolderWithTooManyFilesCannotBeZipped() throws IOException {
        Map<String, String> files = new java.util.HashMap<>();
        for (int i = 0; i <= LabStore.MAX_FILES; i++) {
            files.put("data/" + i + ".txt", "x");
        }
        Path lab = folder("lab", files);

        LabFilesException error = assertThrows(LabFilesException.class, () -> LabStore.zip(lab));

        assertEquals("The lab holds more than 500 files.", error.getMessage());
    }

    private static byte[] zipOf(Path folder) {
        try {
            return LabStore.zip(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.map(child -> child.getFileName().toString()).sorted().toList();
        }
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
