package org.nnlab.grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WritableMountQuotaTest {
    @TempDir
    Path temp;

    @Test
    void filesWithinTheQuotaPass() throws IOException {
        Path out = Files.createDirectory(temp.resolve("out"));
        Files.write(out.resolve("a"), new byte[600]);
        Files.write(Files.createDirectory(out.resolve("sub")).resolve("b"), new byte[400]);

        assertFalse(new WritableMountQuota(List.of(Mount.writable(out, "/out")), 1000).check());
    }

    @Test
    void moreBytesThanTheQuotaInAllExceedIt() throws IOException {
        Path out = Files.createDirectory(temp.resolve("out"));
        Files.write(out.resolve("a"), new byte[600]);
        Files.write(Files.createDirectory(out.resolve("sub")).resolve("b"), new byte[401]);

        assertTrue(new WritableMountQuota(List.of(Mount.writable(out, "/out")), 1000).check());
    }

    @Test
    void tooManyEmptyFilesExceedIt() throws IOException {
        Path out = Files.createDirectory(temp.resolve("out"));
        for (int i = 0; i < WritableMountQuota.MAX_ENTRIES; i++) {
            Files.createFile(out.resolve("f" + i));
        }

        assertTrue(new WritableMountQuota(List.of(Mount.writable(out, "/out")), 1000).check());
    }

    @Test
    void readOnlyMountsAndLinkedFilesDoNotCount() throws IOException {
        Path big = Files.createDirectory(temp.resolve("big"));
        Files.write(big.resolve("data"), new byte[5000]);
        Path out = Files.createDirectory(temp.resolve("out"));
        Files.createSymbolicLink(out.resolve("link"), big);

        assertFalse(new WritableMountQuota(List.of(Mount.readOnly(big), Mount.writable(out, "/out")), 1000).check());
    }

    @Test
    void onceExceededItStaysExceededWhenTheFilesAreDeleted() throws IOException {
        Path out = Files.createDirectory(temp.resolve("out"));
        Path file = Files.write(out.resolve("a"), new byte[2000]);
        WritableMountQuota quota = new WritableMountQuota(List.of(Mount.writable(out, "/out")), 1000);
        quota.check();

        Files.delete(file);

        assertTrue(quota.check());
    }
}
