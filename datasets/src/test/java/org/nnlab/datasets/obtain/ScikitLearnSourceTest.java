package org.nnlab.datasets.obtain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.datasets.DatasetCatalog;
import org.nnlab.datasets.DatasetSpec;

class ScikitLearnSourceTest {
    private final DatasetSpec digits = DatasetCatalog.builtIn().spec("digits");

    @TempDir
    Path sitePackages;

    @Test
    void theFileInsideAnInstalledSklearnPackageIsFound() throws IOException {
        Path file = sitePackages.resolve("sklearn/datasets/data/digits.csv.gz");
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {1});

        Candidate candidate = new ScikitLearnSource(List.of(Path.of("/nonexistent"), sitePackages), false).find(digits);

        assertEquals(file, candidate.file());
        assertEquals("scikit-learn in " + sitePackages, candidate.note());
    }

    @Test
    void nothingIsFoundWhereNoSklearnIsInstalled() {
        Candidate candidate = new ScikitLearnSource(List.of(sitePackages), false).find(digits);

        assertFalse(candidate.isFound());
        assertEquals("no scikit-learn installation found", candidate.note());
    }
}
