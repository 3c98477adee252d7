package org.nnlab.platform.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.grader.lab.Lab;
import org.nnlab.grader.lab.LabLoader;
import org.nnlab.platform.grading.GraderProvider;
import org.nnlab.worker.lab.LabStore;

class LabCatalogTest {
    private static final String LAB = "digits-regularization";
    private static final Path SOURCE = Path.of("..", "labs", LAB).toAbsolutePath().normalize();
    private final LabCatalog catalog = new LabCatalog();
    private LabRevision revision;

    @TempDir
    Path temp;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void wire() throws IOException {
        catalog.entityManager = mock(EntityManager.class);
        catalog.graders = mock(GraderProvider.class);
        catalog.dataDirectory = temp.resolve("data").toString();
        when(catalog.graders.labLoader()).thenReturn(new LabLoader(check -> { }));
        revision = new LabRevision(LAB, 1, LabStore.checksum(SOURCE), "/another/machine/labs/" + LAB + "/1",
                LocalDateTime.now(), "labs folder");
        TypedQuery<LabRevision> query = mock(TypedQuery.class);
        when(catalog.entityManager.createQuery(anyString(), eq(LabRevision.class))).thenReturn(query);
        when(query.setParameter("id", LAB)).thenReturn(query);
        when(query.getResultList()).thenAnswer(invocation -> List.of(revision));
    }

    @Test
    void aRevisionThisInstanceLacksIsUnpackedFromTheDatabaseIntoItsDataFolder() throws IOException {
        storedInTheDatabase();

        Lab lab = catalog.revision(LAB, 1).orElseThrow();

        assertEquals(temp.resolve("data/labs/" + LAB + "/1"), lab.directory());
        assertEquals(1, lab.version());
        assertEquals(LabStore.checksum(SOURCE), LabStore.checksum(lab.directory()));
    }

    @Test
    void aRevisionWhoseCopyWasDeletedIsUnpackedAgain() throws IOException {
        storedInTheDatabase();
        Path copy = catalog.revision(LAB, 1).orElseThrow().directory();
        LabStore.deleteTree(temp.resolve("data/labs"));

        Lab lab = catalog.revision(LAB, 1).orElseThrow();

        assertEquals(copy, lab.directory());
        assertEquals(Files.readString(SOURCE.resolve("instructions.md")), catalog.read(lab, lab.instructions()));
    }

    @Test
    void aRevisionStoredBeforeRevisionsKeptTheirFilesInTheDatabaseIsReadWhereItWasStored() throws IOException {
        Path stored = temp.resolve("data/labs/" + LAB + "/1");
        copy(SOURCE, stored);
        revision = new LabRevision(LAB, 1, LabStore.checksum(SOURCE), stored.toString(), LocalDateTime.now(),
                "labs folder");

        Lab lab = catalog.revision(LAB, 1).orElseThrow();

        assertEquals(stored, lab.directory());
        assertEquals(Files.readString(SOURCE.resolve("instructions.md")), catalog.read(lab, lab.instructions()));
    }

    private void storedInTheDatabase() throws IOException {
        when(catalog.entityManager.find(RevisionArchive.class, revision.getId())).thenReturn(new RevisionArchive(
                revision.getId(), LabStore.zip(SOURCE)));
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.sorted().toList()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
    }
}
