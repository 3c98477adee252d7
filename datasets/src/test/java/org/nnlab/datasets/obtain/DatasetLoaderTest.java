package org.nnlab.datasets.obtain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.datasets.Dataset;
import org.nnlab.datasets.DatasetCatalog;
import org.nnlab.datasets.DatasetException;
import org.nnlab.datasets.DatasetSpec;

class DatasetLoaderTest {
    private static final String DIGITS_SHA256 = "46abec6b12486ad9e51943373abcf22bbea1b5a51a1619b361570d8893f1464a";
    private static Dataset digits;

    @TempDir
    Path temp;

    @BeforeAll
    static void loadDigitsThroughTheStandardRoutes() {
        digits = DatasetLoader.standard().load("digits");
    }

    @Test
    void digitsHas1797RowsOf64FeaturesAndTheKnownClassCounts() {
        assertEquals(1797, digits.data().rows());
        assertEquals(64, digits.data().featureCount());
        assertEquals(10, digits.data().classCount());
        assertArrayEquals(new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, digits.data().classCounts());
        assertEquals(DIGITS_SHA256, digits.spec().sha256());
    }

    @Test
    void digitsPixelsAreIntegersFrom0To16() {
        float[] x = digits.data().features();
        for (float v : x) {
            assertTrue(v >= 0 && v <= 16 && v == Math.rint(v), "pixel value " + v);
        }
        assertEquals(16f, max(x));
    }

    @Test
    void aCorruptedFileNamedExplicitlyIsRefusedWithItsPathAndTheExpectedChecksum() throws IOException {
        byte[] bytes = Files.readAllBytes(digits.file());
        bytes[bytes.length / 2] ^= 0x5a;
        Path corrupted = Files.write(temp.resolve("digits.csv.gz"), bytes);

        DatasetException error = assertThrows(DatasetException.class, () -> explicitLoader(corrupted).load("digits"));

        assertTrue(error.getMessage().contains("Refusing " + corrupted), error.getMessage());
        assertTrue(error.getMessage().contains("expected sha256 " + DIGITS_SHA256), error.getMessage());
    }

    @Test
    void aTruncatedFileIsRefusedAndCalledTruncated() throws IOException {
        byte[] bytes = Files.readAllBytes(digits.file());
        Path truncated = Files.write(temp.resolve("digits.csv.gz"), Arrays.copyOf(bytes, 1000));

        DatasetException error = assertThrows(DatasetException.class, () -> explicitLoader(truncated).load("digits"));

        assertTrue(error.getMessage().contains("truncated: 1000 bytes of 57512"), error.getMessage());
        assertTrue(error.getMessage().contains(truncated.toString()), error.getMessage());
        assertTrue(error.getMessage().contains(DIGITS_SHA256), error.getMessage());
    }

    @Test
    void anExplicitPathThatDoesNotExistIsReportedWithTheSettingThatNamedIt() {
        Path missing = temp.resolve("nowhere.csv.gz");

        DatasetException error = assertThrows(DatasetException.class, () -> explicitLoader(missing).load("digits"));

        assertTrue(error.getMessage().contains("system property nnlab.dataset.digits names " + missing),
                error.getMessage());
    }

    @Test
    void aCorruptedCacheIsSkippedAndTheNextSourceIsUsed() throws IOException {
        Path badCache = Files.createDirectories(temp.resolve("bad"));
        Files.write(badCache.resolve("digits.csv.gz"), new byte[] {1, 2, 3});
        Path goodCache = Files.createDirectories(temp.resolve("good"));
        Files.copy(digits.file(), goodCache.resolve("digits.csv.gz"));
        DatasetLoader loader = new DatasetLoader(DatasetCatalog.builtIn(),
                List.of(new CacheSource(badCache), new CacheSource(goodCache)), new DebianPackageSource(goodCache));

        Dataset loaded = loader.load("digits");

        assertEquals(goodCache.resolve("digits.csv.gz"), loaded.file());
        assertEquals(1797, loaded.data().rows());
    }

    @Test
    void aPreferredFolderIsTriedFirstAndNamedAsTheOrigin() throws IOException {
        Path kitData = Files.createDirectories(temp.resolve("data"));
        Files.copy(digits.file(), kitData.resolve("digits.csv.gz"));

        Dataset loaded = DatasetLoader.preferring(new CacheSource(kitData, "the kit's data folder")).load("digits");

        assertEquals(kitData.resolve("digits.csv.gz"), loaded.file());
        assertEquals("the kit's data folder", loaded.origin());
    }

    @Test
    void aCorruptedFileInThePreferredFolderIsPassedOverForTheStandardSources() throws IOException {
        Path kitData = Files.createDirectories(temp.resolve("data"));
        Files.write(kitData.resolve("digits.csv.gz"), new byte[] {1, 2, 3});

        Dataset loaded = DatasetLoader.preferring(new CacheSource(kitData, "the kit's data folder")).load("digits");

        assertEquals(digits.file(), loaded.file());
        assertEquals(1797, loaded.data().rows());
    }

    @Test
    void theDebianPackageIsFetchedIntoTheCacheWhenNothingElseHasTheFile() {
        Path cache = temp.resolve("fresh-cache");
        DebianPackageSource debian = new DebianPackageSource(cache);
        DatasetLoader loader = new DatasetLoader(DatasetCatalog.builtIn(),
                List.of(new ScikitLearnSource(List.of(), false), new CacheSource(cache), debian), debian);

        Dataset loaded = loader.load("digits");

        assertEquals(cache.resolve("digits.csv.gz"), loaded.file());
        assertTrue(loaded.origin().contains("python3-sklearn"), loaded.origin());
        assertEquals(List.of(), leftovers(cache), "the temporary download directory is removed");
    }

    @Test
    void whenNoSourceWorksTheMessageListsWhatWasTriedAndTheCommandToRun() {
        DatasetSpec unobtainable = new DatasetSpec("ghost", "A data set no package ships", "ghost.csv.gz",
                DIGITS_SHA256, 57512, org.nnlab.datasets.DatasetFormat.CSV_GZIP_LABEL_LAST, 1797, 64, 10, 16,
                new DatasetSpec.Sources("nnlab.dataset.ghost", "NNLAB_DATASET_GHOST", "datasets/data/ghost.csv.gz",
                        "nnlab-no-such-package", "usr/share/ghost.csv.gz"));
        Path cache = temp.resolve("cache");
        DebianPackageSource debian = new DebianPackageSource(cache);
        DatasetLoader loader = new DatasetLoader(DatasetCatalog.of(List.of(unobtainable)), List.of(
                new ExplicitPathSource(key -> null, key -> null), new ScikitLearnSource(List.of(temp), false),
                new CacheSource(cache), debian), debian);

        String message = assertThrows(DatasetException.class, () -> loader.load("ghost")).getMessage();

        assertTrue(message.startsWith("The ghost data set (ghost.csv.gz, sha256 " + DIGITS_SHA256), message);
        assertTrue(message.contains("- system property nnlab.dataset.ghost or environment variable "
                + "NNLAB_DATASET_GHOST: not set"), message);
        assertTrue(message.contains("- the cache " + cache + ": "), message);
        assertTrue(message.contains("- Debian package nnlab-no-such-package: apt-get download nnlab-no-such-package "
                + "failed"), message);
        assertTrue(message.contains("apt-get download nnlab-no-such-package && dpkg-deb --fsys-tarfile "
                + "nnlab-no-such-package_*.deb | tar -xO ./usr/share/ghost.csv.gz > '" + cache.resolve("ghost.csv.gz")
                + "'"), message);
        assertTrue(message.endsWith("set NNLAB_DATASET_GHOST to the path of a copy of ghost.csv.gz."), message);
    }

    private static DatasetLoader explicitLoader(Path file) {
        Map<String, String> properties = Map.of("nnlab.dataset.digits", file.toString());
        DebianPackageSource unused = new DebianPackageSource(file.getParent());
        return new DatasetLoader(DatasetCatalog.builtIn(),
                List.of(new ExplicitPathSource(properties::get, key -> null), new CacheSource(file.getParent())),
                unused);
    }

    private static List<Path> leftovers(Path cache) {
        try (var files = Files.list(cache)) {
            return files.filter(f -> !f.getFileName().toString().equals("digits.csv.gz")).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static float max(float[] values) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            max = Math.max(max, v);
        }
        return max;
    }
}
