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
        assertFalse(quota(folderWith(600, 400), 1000).check());
    }

    @Test
    void moreBytesThanTheQuotaInAllExceedIt() throws IOException {
        assertTrue(quota(folderWith(600, 401), 1000).check());
    }

    @Test
    void tooManyEmptyFilesExceedIt() throws IOException {
        Path out = Files.createDirectory(temp.resolve("out"));
        for (int i = 0; i < WritableMountQuota.MAX_ENTRIES; i++) {
            Files.createFile(out.resolve("f" + i));
        }

        assertTrue(quota(out, 1000).check());
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
        Path out = folderWith(2000);
        WritableMountQuota quota = quota(out, 1000);
        quota.check();

        Files.delete(out.resolve("f0"));

        assertTrue(quota.check());
    }

    /** @return a new folder holding files of these sizes, each but the first in a subfolder of the one before */
    private Path folderWith(int... sizes) throws IOException {
        Path out = Files.createDirectory(temp.resolve("out"));
        Path dir = out;
        for (int i = 0; i < sizes.length; i++) {
            if (i > 0) {
                dir = Files.createDirectory(dir.resolve("sub" + i));
            }
            Files.write(dir.resolve("f" + i), new byte[sizes[i]]);
        }
        return out;
    }

    private static WritableMountQuota quota(Path folder, long maxBytes) {
        return new WritableMountQuota(List.of(Mount.writable(folder, "/out")), maxBytes);
    }
}
