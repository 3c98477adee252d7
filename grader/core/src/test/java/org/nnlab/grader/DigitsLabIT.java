package org.nnlab.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nnlab.grader.cli.LabSelfTest;
import org.nnlab.grader.compile.CompileError;
import org.nnlab.grader.lab.Lab;
import org.nnlab.grader.result.CheckResult;
import org.nnlab.grader.result.GradingResult;
import org.nnlab.grader.sandbox.BubblewrapSandbox;
import org.nnlab.grader.submission.Submission;

/**
 * The digits lab graded for real: sandboxed compilation, training and evaluation with ND4J. The wrong submissions
 * are the reference solution with one mistake each, and must fail the intended check with the intended message.
 * Two gradings run at a time, one per core: the lab's self-test (its reference and starter) runs beside the first
 * grading of the reference, and its second grading of the reference is the one the determinism test compares.
 */
@Execution(ExecutionMode.CONCURRENT)
class DigitsLabIT {
    private static final String LAB = "digits-regularization";
    private static Grader grader;
    private static Lab lab;
    private static String reference;
    private static String reflection;
    private static GradingResult referenceResult;
    private static LabSelfTest.Report selfTest;
    private static final List<GradingListener.Stage> STAGES = Collections.synchronizedList(new ArrayList<>());
    private static final List<String> EPOCHS = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void gradeTheReferenceSolutionAndSelfTestTheLab() throws Exception {
        LabFolders.assumeSandbox();
        grader = Grader.standard(new BubblewrapSandbox());
        lab = grader.labLoader().load(LabFolders.lab(LAB));
        reference = LabFolders.read(LAB, "reference/Solution.java");
        reflection = LabFolders.read(LAB, "reference/answers/reflection.txt");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<LabSelfTest.Report> report = pool.submit(() -> new LabSelfTest(grader).run(lab));
            referenceResult = grader.grade(lab, new Submission(Map.of("Solution.java", reference),
                    Map.of("reflection", reflection)), new GradingListener() {
                        @Override
                        public void stage(Stage stage) {
                            STAGES.add(stage);
                        }

                        @Override
                        public void epoch(String run, org.nnlab.protocol.EpochRecord epoch) {
                            EPOCHS.add(run + epoch.epoch());
                        }
                    });
            selfTest = report.get();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theReferenceSolutionGetsFullMarksInTheSandbox() {
        assertEquals(lab.maxScore(), referenceResult.score(), () -> failures(referenceResult));
        assertFalse(referenceResult.integrityFailure());
        assertEquals(40, referenceResult.runs().get("A").epochs().size());
        assertTrue(referenceResult.runs().get("A").testAccuracy() > 0.95, "test accuracy measured on the hidden part");
        assertEquals("bubblewrap", referenceResult.provenance().sandbox().split(" ")[0]);
    }

    @Test
    void eachStageAndEveryEpochIsAnnouncedLiveInOrder() {
        assertEquals(List.of(GradingListener.Stage.values()), STAGES, "each stage announced once, in order");
        assertEquals(80, EPOCHS.size(), "every epoch of both runs reported live");
        assertEquals("B40", EPOCHS.get(79));
    }

    @Test
    void gradingTheSameSubmissionTwiceGivesIdenticalCurvesAndScore() {
        GradingResult again = selfTest.reference(); // the self-test graded the same reference and answer again

        assertEquals(referenceResult.runs(), again.runs());
        assertEquals(referenceResult.score(), again.score());
        assertEquals(referenceResult.checks(), again.checks());
    }

    @Test
    void theLabPassesItsSelfTestAndTheStarterRunsButGetsLess() {
        assertTrue(selfTest.passed(), () -> selfTest.problems().toString());
        assertTrue(selfTest.starter().check("completes").passed());
        assertTrue(selfTest.starter().score() < lab.maxScore(), "starter score " + selfTest.starter().score());
        for (String missing : List.of("regularization-B", "plateau-B", "reported-A", "reported-B", "reflection")) {
            assertFalse(selfTest.starter().check(missing).passed(), missing + " is left to the student");
        }
    }

    @Test
    void aCompileErrorIsReportedWithItsFileAndLine() throws IOException {
        String statement = "double learningRate = 1e-3;";
        int line = reference.substring(0, reference.indexOf(statement)).split("\n", -1).length;

        GradingResult result = grade(reference.replace(statement, "double learningRate = 1e-3"));

        assertEquals(1, result.compileErrors().size(), result.compileErrors()::toString);
        CompileError error = result.compileErrors().get(0);
        assertEquals("Solution.java", error.file());
        assertEquals(line, error.line());
        assertTrue(error.message().startsWith("';' expected"), error.message());
        assertFalse(result.check("completes").passed());
        assertEquals(0, result.score());
    }

    static Stream<Arguments> wrongSubmissions() {
        return Stream.of(
                wrong("dropOut(0.2) pitfall", List.of("hidden2.dropOut(1 - dropProbability);",
                        "hidden2.dropOut(dropProbability);", "output.dropOut(1 - dropProbability);",
                        "output.dropOut(dropProbability);"), "regularization-B",
                        "dropOut(0.2) keeps only 20% and drops 80%. For a drop probability of 0.2 write dropOut(0.8)."),
                wrong("no scheduler", List.of("b.setLearningRate(learningRate);", ""), "plateau-B",
                        "the learning rate stayed at 0.001 for all 40 epochs"),
                wrong("different architecture in B", List.of(
                        "new DenseLayer.Builder().nIn(128).nOut(64)",
                        "new DenseLayer.Builder().nIn(128).nOut(dropProbability > 0 ? 32 : 64)",
                        "new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(64)",
                        "new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(dropProbability > 0 ? 32 : 64)"),
                        "architecture", "Layer 1 differs: run A has DenseLayer 128->64 ReLU, run B has DenseLayer "
                                + "128->32 ReLU."),
                wrong("learning rate 1e-2", List.of("new Adam(1e-3)", "new Adam(1e-2)",
                        "double learningRate = 1e-3;", "double learningRate = 1e-2;"), "optimizer-A",
                        "found an initial learning rate of 0.01; expected 0.001."),
                wrong("L1 instead of L2", List.of("new WeightDecay(1e-4, true)",
                        "new org.nd4j.linalg.learning.regularization.L1Regularization(1e-4)"), "regularization-B",
                        "found L1 regularization (0.0001) on layer 0; expected weight decay or L2."),
                wrong("diverging loss with learning rate 10", List.of("new Adam(1e-3)", "new Adam(10)"), "curves",
                        "The training diverged: the learning rate is far too high for this network."),
                wrong("reported value disagrees with the curves", List.of(
                        "ctx.report(\"A.bestValidationAccuracy\", bestA);",
                        "ctx.report(\"A.bestValidationAccuracy\", 0.999);"), "reported-A",
                        "Reported A.bestValidationAccuracy = 0.999, but the maximum of run A's validationAccuracy "
                                + "curve is"),
                wrong("missing endEpoch calls", List.of(
                        "bestA = Math.max(bestA, runA.endEpoch().validationAccuracy());",
                        "if (epoch % 2 == 1) { bestA = Math.max(bestA, runA.endEpoch().validationAccuracy()); }"),
                        "curves", "Run A recorded 20 epochs; expected 40."),
                wrong("global weightDecay applied twice", List.of(
                        "List.of(new WeightDecay(1e-4, true)), 0.2)", "List.of(), 0.2)",
                        ".updater(new Adam(1e-3))",
                        ".updater(new Adam(1e-3)).weightDecay(dropProbability > 0 ? 1e-4 : 0)"),
                        "regularization-B", "lists WeightDecay 2 times, so the effective coefficient is 0.0002"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongSubmissions")
    void aWrongSubmissionFailsTheIntendedCheckWithTheIntendedMessage(String name, List<String> edits, String checkId,
                                                                     String message) throws IOException {
        String source = reference;
        for (int i = 0; i < edits.size(); i += 2) {
            assertTrue(source.contains(edits.get(i)), "the reference solution contains " + edits.get(i));
            source = source.replace(edits.get(i), edits.get(i + 1));
        }

        GradingResult result = grade(source);

        CheckResult check = result.check(checkId);
        assertFalse(check.passed(), () -> checkId + " should fail: " + check.message());
        assertTrue(check.message().contains(message), () -> checkId + ": " + check.message());
        assertTrue(result.score() < lab.maxScore());
        String title = lab.checks().stream().filter(c -> c.id().equals(checkId)).findFirst().orElseThrow().title();
        assertTrue(result.diagnosis().findings().stream().anyMatch(f -> f.kind().equals("failed-check")
                && f.about().equals(title) && f.nextStep() != null), () -> "a next step: " + result.diagnosis());
    }

    private static Arguments wrong(String name, List<String> edits, String checkId, String message) {
        return Arguments.of(name, edits, checkId, message);
    }

    private static GradingResult grade(String solution) throws IOException {
        return grader.grade(lab, new Submission(Map.of("Solution.java", solution), Map.of("reflection", reflection)));
    }

    private static String failures(GradingResult result) {
        return result.checks().stream().filter(c -> !c.passed()).map(c -> c.id() + ": " + c.message()).toList()
                .toString();
    }
}
