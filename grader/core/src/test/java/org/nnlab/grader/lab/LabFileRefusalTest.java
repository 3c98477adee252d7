package org.nnlab.grader.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nnlab.grader.LabFolders;
import org.nnlab.grader.check.CheckCatalog;
import org.nnlab.grader.reliability.Reliability;

/**
 * Lab files an instructor got wrong, each a variant of the digits lab: every one is refused on load, and the message
 * names the file and the field to fix.
 */
@Reliability("bad lab files")
class LabFileRefusalTest {
    private static final String LAB = "digits-regularization";
    private final LabLoader loader = new LabLoader(CheckCatalog.builtIn()::create);

    @TempDir
    Path temp;

    @Test
    void invalidYamlIsRefusedWithItsLine() throws IOException {
        Path lab = variant(text -> text.replace("runs: [A, B]", "runs: [A, B"));

        String message = refusal(lab);
        assertTrue(message.startsWith(file(lab) + ": not valid YAML: "), message);
        assertTrue(message.endsWith(" (line 28)"), message);
    }

    @Test
    void aLabFileThatIsNotAMappingIsRefused() throws IOException {
        assertRefused(text -> "- just\n- a list\n", "the file must be a mapping of fields");
    }

    @Test
    void aFolderWithoutLabFileIsRefused() {
        assertEquals(temp.resolve("lab.yaml") + ": no lab file; a lab folder must hold lab.yaml", refusal(temp));
    }

    @Test
    void aLabWithoutItsReferenceFolderIsRefused() throws IOException {
        Path lab = without("reference");

        assertEquals(file(lab) + ": field 'reference' names reference, which is not a folder inside the lab folder",
                refusal(lab));
    }

    @Test
    void aLabWithoutItsStarterFolderIsRefused() throws IOException {
        Path lab = without("starter");

        assertEquals(file(lab) + ": field 'starter' names starter, which is not a folder inside the lab folder",
                refusal(lab));
    }

    @Test
    void aLabWithoutItsInstructionsFileIsRefused() throws IOException {
        Path lab = without("instructions.md");

        assertEquals(file(lab) + ": field 'instructions' names instructions.md, which is not a file inside the lab "
                + "folder", refusal(lab));
    }

    @Test
    void aFolderOutsideTheLabIsRefused() throws IOException {
        assertRefused(text -> text.replace("starter: starter", "starter: ../elsewhere"),
                "field 'starter' names ../elsewhere, which is not a folder inside the lab folder");
    }

    @Test
    void aMissingFieldIsNamed() throws IOException {
        assertRefused(text -> text.replace("  wallSeconds: 240\n", ""),
                "field 'limits.wallSeconds' is missing");
    }

    @Test
    void aMisspeltFieldIsRefused() throws IOException {
        assertRefused(text -> text.replace("\nruns: [A, B]\n", "\nruns: [A, B]\nrusn: [C]\n"),
                "field 'rusn' is not a known field here");
    }

    @Test
    void aWrongTypeIsNamed() throws IOException {
        assertRefused(text -> text.replace("heapMb: 1024", "heapMb: lots"),
                "field 'limits.heapMb' must be an integer from 64 to 16384");
    }

    @Test
    void splitFractionsThatDoNotAddUpToOneAreRefused() throws IOException {
        assertRefused(text -> text.replace("test: 0.15,", "test: 0.25,"),
                "field 'split.test' makes the fractions add up to 1.1, not 1");
    }

    @Test
    void aRunNamedTwiceIsRefused() throws IOException {
        assertRefused(text -> text.replace("runs: [A, B]\n", "runs: [A, B, A]\n"),
                "field 'runs' has a name twice");
    }

    @Test
    void anUnknownScorePolicyIsNamed() throws IOException {
        assertRefused(text -> text.replace("counts: best", "counts: average"),
                "field 'submissions.counts' must be best or latest");
    }

    @Test
    void aTrainingSubsetOfNoRowsIsRefused() throws IOException {
        assertRefused(text -> text.replace("\nruns: [A, B]\n", "\nruns: [A, B]\nevaluate: {trainingSubset: 0}\n"),
                "field 'evaluate.trainingSubset' must be an integer of at least 1");
    }

    @Test
    void anUnknownEvaluateFieldIsRefused() throws IOException {
        assertRefused(text -> text.replace("\nruns: [A, B]\n", "\nruns: [A, B]\nevaluate: {subset: 10}\n"),
                "field 'evaluate.subset' is not a known field here");
    }

    @Test
    void aGpuUseOtherThanNonePreferredOrRequiredIsRefused() throws IOException {
        assertRefused(text -> text.replace("\nruns: [A, B]\n", "\nruns: [A, B]\ngpu: yes please\n"),
                "field 'gpu' must be none, preferred or required, not 'yes please'");
    }

    @Test
    void aCheckWithoutTypeIsRefused() throws IOException {
        assertRefused(text -> text.replace("    type: completes\n", ""),
                "field 'checks[0].type' is missing");
    }

    @Test
    void anUnknownCheckTypeIsNamedWithTheKnownOnes() throws IOException {
        assertRefused(text -> text.replace("type: same-architecture", "type: same-archtecture"),
                "check 'architecture' has type 'same-archtecture', which is not a known check type; "
                + "known types: completes, curves, accuracy, optimizer, same-architecture, regularization, "
                + "plateau-schedule, reported-value, consistency, reflection, convergence-ranking, best-run, "
                + "log-uniform-sampling, grid-search, schedule-trace, early-stopping, lr-range-test, batch-size, "
                + "gradient-clipping, symmetry, faster-than, answer-mentions, subset-loss");
    }

    @Test
    void anInvalidCheckParameterIsNamedWithItsPath() throws IOException {
        assertRefused(text -> text.replace("dropProbability: 0.2}", "dropProbability: 1.5}"),
                "field 'checks[5].params.dropProbability' must be a number from 0.0 to 0.99");
    }

    @Test
    void twoChecksWithOneIdAreRefused() throws IOException {
        assertRefused(text -> text.replace("id: optimizer-B", "id: optimizer-A"),
                "field 'checks[3].id' 'optimizer-A' is used by another check");
    }

    @Test
    void aCheckComparingARunWithItselfIsRefused() throws IOException {
        assertRefused(text -> text + "  - id: faster\n    type: faster-than\n    title: A is ahead of A\n"
                + "    points: 1\n    params: {run: A, slower: A, epoch: 5}\n",
                "field 'checks[13].params.slower' must name another run than run");
    }

    @Test
    void aCheckOfARunTheLabDoesNotDeclareIsRefused() throws IOException {
        assertRefused(text -> text.replace("params: {run: B, minReductions: 1}",
                "params: {run: C, minReductions: 1}"),
                "field 'checks[6].params.run' names the run 'C', which is not one of the lab's "
                + "runs [A, B]");
    }

    @Test
    void aCheckOfAnAnswerTheLabDoesNotAskForIsRefused() throws IOException {
        assertRefused(text -> text.replace("params: {answer: reflection,", "params: {answer: essay,"),
                "field 'checks[12].params.answer' names the answer 'essay', which is not one of "
                + "the lab's answers [reflection]");
    }

    @ParameterizedTest(name = "an absurd limit is refused: {0}")
    @CsvSource(delimiter = '|', value = {
        "wallSeconds: -1|limits.wallSeconds|must be an integer from 1 to 3600",
        "wallSeconds: 0|limits.wallSeconds|must be an integer from 1 to 3600",
        "wallSeconds: 99999999|limits.wallSeconds|must be an integer from 1 to 3600",
        "cpuSeconds: 0|limits.cpuSeconds|must be an integer from 1 to 14400",
        "memoryMb: 0|limits.memoryMb|must be an integer from 256 to 16384",
        "memoryMb: 4000000|limits.memoryMb|must be an integer from 256 to 16384",
        "heapMb: 3072|limits.heapMb|must be less than memoryMb, which also holds native memory",
        "processes: 1000000|limits.processes|must be an integer from 16 to 4096",
        "cpus: 0|limits.cpus|must be an integer from 1 to 64",
        "outputKb: 3000000|limits.outputKb|must be an integer from 1 to 10240",
        "epochs: 0|parameters.epochs|must be an integer from 1 to 10000",
        "epochs: -40|parameters.epochs|must be an integer from 1 to 10000",
        "epochs: 1000000000|parameters.epochs|must be an integer from 1 to 10000",
        "epochs: 2.5|parameters.epochs|must be an integer from 1 to 10000"})
    void anAbsurdLimitIsRefused(String line, String field, String problem) throws IOException {
        String key = line.substring(0, line.indexOf(':'));
        Path lab = variant(text -> text.replaceFirst("\n  " + key + ": [^\n]*\n", "\n  " + line + "\n"));

        assertEquals(file(lab) + ": field '" + field + "' " + problem, refusal(lab));
    }

    /** The lab file passed through {@code edit} is refused with the message: the file, then {@code problem}. */
    private void assertRefused(UnaryOperator<String> edit, String problem) throws IOException {
        Path lab = variant(edit);
        assertEquals(file(lab) + ": " + problem, refusal(lab));
    }

    private String refusal(Path lab) {
        return assertThrows(LabException.class, () -> loader.load(lab)).getMessage();
    }

    private Path variant(UnaryOperator<String> edit) throws IOException {
        return LabFolders.variant(LAB, temp.resolve("lab"), edit);
    }

    private Path without(String part) throws IOException {
        Path lab = variant(UnaryOperator.identity());
        try (var paths = Files.walk(lab.resolve(part))) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        return lab;
    }

    private static Path file(Path lab) {
        return lab.resolve("lab.yaml");
    }
}
