package org.nnlab.grader;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nnlab.grader.cli.LabSelfTest;
import org.nnlab.grader.lab.Lab;
import org.nnlab.grader.result.CheckResult;
import org.nnlab.grader.result.GradingResult;
import org.nnlab.grader.sandbox.BubblewrapSandbox;
import org.nnlab.grader.submission.Submission;

/**
 * The labs of the catalogue graded for real in the sandbox: each passes its self-test (the reference gets full marks,
 * the starter runs and gets less), and its reference solution with one mistake fails the check meant to catch it.
 */
class LabCatalogIT {
    private static Grader grader;

    @BeforeAll
    static void sandboxedGrader() {
        LabFolders.assumeSandbox();
        grader = Grader.standard(new BubblewrapSandbox());
    }

    static Stream<String> labs() {
        return Stream.of("optimizers", "hyperparameter-search");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labs")
    void theLabPassesItsSelfTest(String id) throws IOException {
        LabSelfTest.Report report = new LabSelfTest(grader).run(grader.labLoader().load(LabFolders.lab(id)));

        assertTrue(report.passed(), () -> report.problems().toString());
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                mistake("optimizers", "ranks in reverse order", List.of(
                        "ctx.report(\"rank.\" + run.getKey(), 1 + faster);",
                        "ctx.report(\"rank.\" + run.getKey(), epochsToReach.size() - faster);"), "ranking",
                        "rank.SGD = 1, but SGD never reaches validation loss 0.2, which ranks 4."),
                mistake("hyperparameter-search", "samples uniformly on a linear scale", List.of(
                        "return Math.exp(Math.log(min) + random.nextDouble() * (Math.log(max) - Math.log(min)));",
                        "return min + random.nextDouble() * (max - min);"), "sampling-learning-rate",
                        "on a log scale they crowd into part of the range"),
                mistake("hyperparameter-search", "reports the worst run", List.of(
                        "double bestLoss = Double.POSITIVE_INFINITY;", "double bestLoss = Double.NEGATIVE_INFINITY;",
                        "if (loss < bestLoss) {", "if (loss > bestLoss) {"), "best-random",
                        "; the best is run random-6"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("mistakes")
    void aReferenceWithOneMistakeFailsTheIntendedCheck(String id, String mistake, List<String> edits, String checkId,
                                                       String message) throws IOException {
        Lab lab = grader.labLoader().load(LabFolders.lab(id));
        Submission reference = LabSelfTest.reference(lab);
        String source = reference.sources().get("Solution.java");
        for (int i = 0; i < edits.size(); i += 2) {
            assertTrue(source.contains(edits.get(i)), "the reference solution contains " + edits.get(i));
            source = source.replace(edits.get(i), edits.get(i + 1));
        }

        GradingResult result = grader.grade(lab, new Submission(Map.of("Solution.java", source), reference.answers()));

        CheckResult check = result.check(checkId);
        assertFalse(check.passed(), () -> checkId + " should fail: " + check.message());
        assertTrue(check.message().contains(message), () -> checkId + ": " + check.message());
    }

    private static Arguments mistake(String id, String mistake, List<String> edits, String checkId, String message) {
        return Arguments.of(id, mistake, edits, checkId, message);
    }
}
