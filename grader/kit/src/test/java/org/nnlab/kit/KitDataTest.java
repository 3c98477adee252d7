package org.nnlab.kit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.datasets.obtain.DatasetLoader;
import org.nnlab.grader.check.CheckCatalog;
import org.nnlab.grader.kit.StudentKit;
import org.nnlab.grader.lab.Lab;
import org.nnlab.grader.lab.LabLoader;
import org.nnlab.grader.run.LabData;
import org.nnlab.harness.train.TrainingInputs;

class KitDataTest {
    private static Lab lab;
    private static LabData graded;

    @TempDir
    Path kit;

    @BeforeAll
    static void theDigitsLabAsTheGraderPreparesIt() {
        lab = new LabLoader(CheckCatalog.builtIn()::create).load(Path.of(System.getProperty("nnlab.labs",
                "../../labs")).resolve("digits-regularization"));
        graded = LabData.prepare(lab, DatasetLoader.standard());
    }

    @Test
    void theKitTrainsOnExactlyTheRowsAndFeaturesTheGraderUses() {
        TrainingInputs inputs = KitData.load(StudentKit.descriptor(lab), kit).inputs();

        assertArrayEquals(graded.train().features(), inputs.training().values());
        assertArrayEquals(graded.train().labels(), inputs.training().labels());
        assertArrayEquals(graded.validation().features(), inputs.validation().values());
        assertArrayEquals(graded.validation().labels(), inputs.validation().labels());
        assertEquals(lab.split().seed(), inputs.seed());
        assertEquals(lab.parameters(), inputs.parameters());
        assertEquals(lab.runs(), inputs.runs());
        assertEquals(10, inputs.classes());
    }

    @Test
    void theDataFileOfTheKitIsUsedFirst() throws IOException {
        Path data = Files.createDirectories(kit.resolve(KitData.DATA_FOLDER));
        Files.copy(DatasetLoader.standard().load("digits").file(), data.resolve("digits.csv.gz"));

        KitData loaded = KitData.load(StudentKit.descriptor(lab), kit);

        assertEquals(data.resolve("digits.csv.gz"), loaded.dataset().file());
        assertEquals("the kit's data folder", loaded.dataset().origin());
    }
}
