package org.nnlab.grader.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.grader.LabFolders;
import org.nnlab.grader.check.CheckCatalog;

/** Lab files that load, and what they declare; those refused are in {@link LabFileRefusalTest}. */
class LabLoaderTest {
    private static final String LAB = "digits-regularization";
    private final LabLoader loader = new LabLoader(CheckCatalog.builtIn()::create);

    @TempDir
    Path temp;

    @Test
    void theDigitsLabLoadsWithItsRunsParametersAndChecks() {
        Lab lab = loader.load(LabFolders.lab(LAB));

        assertEquals("digits-regularization", lab.id());
        assertEquals(List.of("A", "B"), lab.runs());
        assertEquals(40.0, lab.parameters().get("epochs"));
        assertEquals(100.0, lab.maxScore());
        assertEquals("Solution", lab.entryClass());
        assertEquals(new Lab.SplitSpec(0.70, 0.15, 0.15, 42), lab.split());
        assertEquals("reflection", lab.answers().get(0).id());
        assertEquals(new SubmissionPolicy(10, Duration.ofMinutes(60), SubmissionPolicy.Counts.BEST),
                lab.submissions());
    }

    @Test
    void everyLabOfTheRepositoryLoads() throws IOException {
        try (var folders = Files.list(LabFolders.lab(LAB).getParent())) {
            List<Path> labs = folders.filter(folder -> Files.isRegularFile(folder.resolve(LabLoader.LAB_FILE)))
                    .toList();

            assertEquals(9, labs.size(), labs.toString());
            labs.forEach(loader::load);
        }
    }

    @Test
    void aLabWithoutSubmissionPolicyGetsTheDefault() throws IOException {
        Path lab = variant(text -> text.replaceAll("\nsubmissions: .*\n", "\n"));

        assertEquals(SubmissionPolicy.DEFAULT, loader.load(lab).submissions());
    }

    @Test
    void theLatestSubmissionCanBeDeclaredToCount() throws IOException {
        Path lab = variant(text -> text.replace("counts: best", "counts: latest"));

        assertEquals(SubmissionPolicy.Counts.LATEST, loader.load(lab).submissions().counts());
    }

    @Test
    void aLabWithoutEvaluateMeasuresNoTrainingSubset() {
        assertEquals(Lab.EvaluationSpec.NONE, loader.load(LabFolders.lab(LAB)).evaluate());
    }

    @Test
    void aLabCanAskForItsFirstTrainingRowsToBeMeasured() throws IOException {
        Path lab = variant(text -> text.replace("\nruns: [A, B]\n", "\nruns: [A, B]\nevaluate: {trainingSubset: 10}\n"));

        assertEquals(new Lab.EvaluationSpec(10), loader.load(lab).evaluate());
    }

    @Test
    void aLabTrainsOnCpuWorkersUnlessItAsksForAGpu() throws IOException {
        assertEquals(GpuUse.NONE, loader.load(LabFolders.lab(LAB)).gpu());
        assertEquals(GpuUse.PREFERRED, loader.load(variant(text -> text.replace("\nruns: [A, B]\n",
                "\nruns: [A, B]\ngpu: preferred\n"))).gpu());
    }

    private Path variant(java.util.function.UnaryOperator<String> edit) throws IOException {
        return LabFolders.variant(LAB, temp.resolve("lab"), edit);
    }
}
