package org.nnlab.grader.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.grader.check.CheckCatalog;

class LabLoaderTest {
    private static final Path DIGITS = Path.of(System.getProperty("nnlab.labs", "../../labs"))
            .resolve("digits-regularization");
    private final LabLoader loader = new LabLoader(CheckCatalog.builtIn()::create);

    @TempDir
    Path temp;

    @Test
    void theDigitsLabLoadsWithItsRunsParametersAndChecks() {
        Lab lab = loader.load(DIGITS);

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
    void anUnknownScorePolicyIsNamed() throws IOException {
        Path lab = variant(text -> text.replace("counts: best", "counts: average"));

        assertEquals(lab.resolve("lab.yaml") + ": field 'submissions.counts' must be best or latest", error(lab));
    }

    @Test
    void aLabWithoutEvaluateMeasuresNoTrainingSubset() {
        assertEquals(Lab.EvaluationSpec.NONE, loader.load(DIGITS).evaluate());
    }

    @Test
    void aLabCanAskForItsFirstTrainingRowsToBeMeasured() throws IOException {
        Path lab = variant(text -> text.replace("\nruns: [A, B]\n", "\nruns: [A, B]\nevaluate: {trainingSubset: 10}\n"));

        assertEquals(new Lab.EvaluationSpec(10), loader.load(lab).evaluate());
    }

    @Test
    void aTrainingSubsetOfNoRowsIsRefused() throws IOException {
        Path lab = variant(text -> text.replace("\nruns: [A, B]\n", "\nruns: [A, B]\nevaluate: {trainingSubset: 0}\n"));

        assertEquals(lab.resolve("lab.yaml") + ": field 'evaluate.trainingSubset' must be an integer of at least 1",
                error(lab));
    }

    @Test
    void anUnknownEvaluateFieldIsRefused() throws IOException {
        Path lab = variant(text -> text.replace("\nruns: [A, B]\n", "\nruns: [A, B]\nevaluate: {subset: 10}\n"));

        assertEquals(lab.resolve("lab.yaml") + ": field 'evaluate.subset' is not a known field here", error(lab));
    }

    @Test
    void aMissingFieldIsNamedWithItsFile() throws IOException {
        Path lab = variant(text -> text.replace("  wallSeconds: 240\n", ""));

        assertEquals(lab.resolve("lab.yaml") + ": field 'limits.wallSeconds' is missing", error(lab));
    }

    @Test
    void aMisspeltFieldIsRefused() throws IOException {
        Path lab = variant(text -> text.replace("\nruns: [A, B]\n", "\nruns: [A, B]\nrusn: [C]\n"));

        assertEquals(lab.resolve("lab.yaml") + ": field 'rusn' is not a known field here", error(lab));
    }

    @Test
    void aWrongTypeIsNamed() throws IOException {
        Path lab = variant(text -> text.replace("heapMb: 1024", "heapMb: lots"));

        assertEquals(lab.resolve("lab.yaml") + ": field 'limits.heapMb' must be an integer of at least 64", error(lab));
    }

    @Test
    void anUnknownCheckTypeIsNamedWithTheKnownOnes() throws IOException {
        Path lab = variant(text -> text.replace("type: same-architecture", "type: same-archtecture"));

        assertEquals(lab.resolve("lab.yaml") + ": check 'architecture' has type 'same-archtecture', which is not a "
                + "known check type; known types: completes, curves, accuracy, optimizer, same-architecture, "
                + "regularization, plateau-schedule, reported-value, consistency, reflection, convergence-ranking, "
                + "best-run, log-uniform-sampling, grid-search, schedule-trace, early-stopping, lr-range-test, batch-size, "
                + "gradient-clipping, symmetry, faster-than, answer-mentions, subset-loss", error(lab));
    }

    @Test
    void anInvalidCheckParameterIsNamedWithItsPath() throws IOException {
        Path lab = variant(text -> text.replace("dropProbability: 0.2}", "dropProbability: 1.5}"));

        assertEquals(lab.resolve("lab.yaml") + ": field 'checks[5].params.dropProbability' must be a number from 0.0 "
                + "to 0.99", error(lab));
    }

    @Test
    void splitFractionsMustAddUpToOne() throws IOException {
        Path lab = variant(text -> text.replace("test: 0.15,", "test: 0.25,"));

        assertEquals(lab.resolve("lab.yaml") + ": field 'split.test' makes the fractions add up to 1.1, not 1",
                error(lab));
    }

    @Test
    void invalidYamlIsReportedWithItsLine() throws IOException {
        Path lab = variant(text -> text.replace("runs: [A, B]", "runs: [A, B"));

        String message = error(lab);
        assertEquals(true, message.startsWith(lab.resolve("lab.yaml") + ": not valid YAML: "), message);
    }

    @Test
    void aFolderWithoutLabFileIsRefused() {
        assertEquals(temp.resolve("lab.yaml") + ": no lab file; a lab folder must hold lab.yaml", error(temp));
    }

    @Test
    void aNamedFolderThatDoesNotExistIsRefused() throws IOException {
        Path lab = variant(text -> text.replace("starter: starter", "starter: ../elsewhere"));

        assertEquals(lab.resolve("lab.yaml") + ": field 'starter' names ../elsewhere, which is not a folder inside "
                + "the lab folder", error(lab));
    }

    private String error(Path lab) {
        return assertThrows(LabException.class, () -> loader.load(lab)).getMessage();
    }

    private Path variant(java.util.function.UnaryOperator<String> edit) throws IOException {
        Path lab = Files.createDirectories(temp.resolve("lab"));
        for (String folder : List.of("starter", "reference")) {
            Files.createDirectories(lab.resolve(folder));
        }
        Files.copy(DIGITS.resolve("instructions.md"), lab.resolve("instructions.md"));
        Files.writeString(lab.resolve("lab.yaml"), edit.apply(Files.readString(DIGITS.resolve("lab.yaml"))));
        return lab;
    }
}
