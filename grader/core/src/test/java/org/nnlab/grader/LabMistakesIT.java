package org.nnlab.grader;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
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
 * Typical mistakes in the catalogue's labs, graded for real: each is a lab's reference solution with one edit, and
 * must fail the intended check with the intended message while the checks it does not concern still pass, and the
 * diagnosis must give the failed check a next step.
 */
@Execution(ExecutionMode.CONCURRENT)
class LabMistakesIT {
    private static Grader grader;

    @BeforeAll
    static void sandboxedGrader() {
        LabFolders.assumeSandbox();
        grader = Grader.standard(new BubblewrapSandbox());
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("optimizers", "ranks in reverse order", List.of(
                        "ctx.report(\"rank.\" + run.getKey(), 1 + faster);",
                        "ctx.report(\"rank.\" + run.getKey(), epochsToReach.size() - faster);"), "ranking",
                        "rank.SGD = 1, but SGD never reaches validation loss 0.2, which ranks 4.", "curves"),
                Arguments.of("hyperparameter-search", "samples uniformly on a linear scale", List.of(
                        "return Math.exp(Math.log(min) + random.nextDouble() * (Math.log(max) - Math.log(min)));",
                        "return min + random.nextDouble() * (max - min);"), "sampling-learning-rate",
                        "on a log scale they crowd into part of the range", "curves"),
                Arguments.of("hyperparameter-search", "reports the worst run", List.of(
                        "double bestLoss = Double.POSITIVE_INFINITY;", "double bestLoss = Double.NEGATIVE_INFINITY;",
                        "if (loss < bestLoss) {", "if (loss > bestLoss) {"), "best-random",
                        "; the best is run random-6", "curves"),
                Arguments.of("early-stopping", "best weights not restored",
                        List.of("network.setParams(bestWeights);", ""), "early-stopping",
                        "the last one: the best weights were not restored.", "consistency"),
                Arguments.of("early-stopping", "stops at the first epoch without improvement",
                        List.of("epoch - bestEpoch >= patience", "epoch - bestEpoch >= 1"), "early-stopping",
                        "only 1 epoch(s) earlier; expected it to go on until 5 epochs in a row do not improve",
                        "consistency"),
                Arguments.of("lr-schedules", "rate of the next epoch set before endEpoch()",
                        List.of("network.setLearningRate(schedule.applyAsDouble(t));", "",
                                "run.endEpoch();", "network.setLearningRate(schedule.applyAsDouble(t + 1));\n"
                                        + "            run.endEpoch();"), "schedule-warmup",
                        "The whole trace is one epoch ahead", "consistency"),
                Arguments.of("lr-finder", "reports the rate at the minimum, not divided by 10", List.of(
                        "/ ctx.doubleParam(\"divisor\");", ";"), "range-test",
                        "The rate at the minimum itself is already too large: divide it by 10.", "optimizer-finder"),
                Arguments.of("lr-finder", "exponent i/N instead of i/(N-1)", List.of(
                        "i / (double) (steps - 1)", "i / (double) steps"), "range-test",
                        "the exponent is i/(N-1), so that the last step (i = N-1) reaches 10.", "consistency"),
                Arguments.of("batch-size-clipping", "large batch without the scaled rate", List.of(
                        "double scaledRate = baseRate * largeBatch / smallBatch;", "double scaledRate = baseRate;"),
                        "scaling-b256", "Run b256, epoch 1 (t = 0): the learning rate was 0.003333", "batch-b256"),
                Arguments.of("batch-size-clipping", "clips element-wise instead of by norm", List.of(
                        "GradientNormalization.ClipL2PerLayer", "GradientNormalization.ClipElementWiseAbsoluteValue"),
                        "clipping", "found gradient normalization ClipElementWiseAbsoluteValue; expected "
                                + "ClipL2PerLayer", "optimizer-clipped"),
                Arguments.of("initialization", "zeros run initialized randomly",
                        List.of("runs.put(\"zeros\", WeightInit.ZERO);", "runs.put(\"zeros\", WeightInit.UNIFORM);"),
                        "symmetry-zeros", "distinct hidden units; expected a single distinct unit per layer",
                        "consistency"),
                Arguments.of("debugging", "labels shuffled with another permutation than features",
                        List.of("swap(labels, i, j);", "swap(labels, i, random.nextInt(i + 1));"), "overfit-loss",
                        "(measured by the grader); expected at most 0.05.",
                        "consistency"),
                Arguments.of("debugging", "overfits ten examples of a shuffled copy, not the first ten",
                        List.of("Examples firstExamples = all.first(", "all.shuffle();\n"
                                + "        Examples firstExamples = all.first("), "overfit-loss",
                        "expected at most 0.05", "accuracy-full"),
                Arguments.of("debugging", "the overfit run stops after one epoch", List.of(
                        "train(ctx, \"overfit\", firstExamples, ctx.intParam(\"overfitEpochs\"));",
                        "train(ctx, \"overfit\", firstExamples, 1);"), "overfit-loss", "expected at most 0.05",
                        "accuracy-full"),
                Arguments.of("optimizers", "the momentum run without momentum", List.of(
                        "new Nesterovs(ctx.doubleParam(\"momentumLearningRate\"), ctx.doubleParam(\"momentum\"))",
                        "new Sgd(ctx.doubleParam(\"momentumLearningRate\"))"), "optimizer-Momentum",
                        "found the Sgd updater on a DenseLayer; expected Nesterovs",
                        "optimizer-SGD"),
                Arguments.of("optimizers", "Adam trained at SGD's learning rate", List.of(
                        "new Adam(ctx.doubleParam(\"adamLearningRate\"))",
                        "new Adam(ctx.doubleParam(\"sgdLearningRate\"))"),
                        "optimizer-Adam", "found an initial learning rate of 0.01; expected 0.001",
                        "optimizer-RMSProp"),
                Arguments.of("early-stopping", "stops one epoch late", List.of(
                        "epoch - bestEpoch >= patience", "epoch - bestEpoch > patience"), "early-stopping",
                        "so patience (5 epochs) ran out at epoch 18",
                        "reported-best"),
                Arguments.of("early-stopping", "reports the best loss as a percentage", List.of(
                        "ctx.report(\"bestValidationLoss\", bestLoss);",
                        "ctx.report(\"bestValidationLoss\", 100 * bestLoss);"), "reported-best",
                        // the figures' last digits differ with the CPU's vector instructions (OpenBLAS kernels)
                        "regex:Reported bestValidationLoss = (\\d)\\.(\\d{3}), but the minimum of run mlp's "
                                + "validationLoss curve is 0\\.0\\1\\2 \\(epoch \\d+\\)",
                        "early-stopping"),
                Arguments.of("lr-schedules", "step decay without rounding the step down", List.of(
                        "Math.pow(gamma, t / stepSize)", "Math.pow(gamma, t / (double) stepSize)"), "schedule-step",
                        "the step decay 0.01 * 0.5^floor(t/5) gives 0.01", "schedule-cosine"),
                Arguments.of("lr-schedules", "warmup that starts at rate 0", List.of(
                        "(t + 1) / (double) warmupEpochs", "t / (double) warmupEpochs"), "schedule-warmup",
                        "The trace is one epoch behind: the first epoch is t = 0",
                        "schedule-step"),
                Arguments.of("lr-finder", "the trained run trains one epoch", List.of(
                        "for (int epoch = 0; epoch < ctx.intParam(\"epochs\"); epoch++) {",
                        "for (int epoch = 0; epoch < 1; epoch++) {"), "curves",
                        "Run trained recorded 1 epochs; expected 10.",
                        "range-test"),
                Arguments.of("lr-finder", "the trained run at the range test's start rate", List.of(
                        "new MultiLayerNetwork(mlp(ctx.seed(), chosen))",
                        "new MultiLayerNetwork(mlp(ctx.seed(), startRate))"), "accuracy-trained",
                        "expected at least 93% for full marks", "optimizer-finder"),
                Arguments.of("batch-size-clipping", "the clipped run without clipping", List.of(
                        "GradientNormalization.ClipL2PerLayer,", "GradientNormalization.None,"), "clipping",
                        "found gradient normalization None; expected ClipL2PerLayer", "batch-b32"),
                Arguments.of("initialization", "the Xavier run initialized with zeros", List.of(
                        "runs.put(\"xavier\", WeightInit.XAVIER);", "runs.put(\"xavier\", WeightInit.ZERO);"),
                        "xavier-faster", "expected xavier to be ahead by more than 1", "he-faster"),
                Arguments.of("initialization", "a learning rate 100 times too small", List.of(
                        ".updater(new Sgd(learningRate))", ".updater(new Sgd(learningRate / 100))"), "accuracy-he",
                        "expected at least 92% for full marks", "symmetry-zeros"),
                Arguments.of("initialization", "trains one epoch", List.of(
                        "epoch <= ctx.intParam(\"epochs\")", "epoch <= 1"), "curves",
                        "Run he recorded 1 epochs; expected 8.",
                        "symmetry-zeros"),
                Arguments.of("hyperparameter-search", "the grid tries one weight decay", List.of(
                        "ctx.intParam(\"gridWeightDecays\")", "1"), "grid", "Run grid-4 has no saved network",
                        "completes"),
                Arguments.of("hyperparameter-search", "reports the weight decay as the best learning rate", List.of(
                        "ctx.report(method + \".best.learningRate\", best.learningRate());",
                        "ctx.report(method + \".best.learningRate\", best.weightDecay());"), "best-grid",
                        "is not that of any of the runs", "grid"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("mistakes")
    void aMistakeFailsTheIntendedCheckOnly(String labId, String mistake, List<String> edits, String checkId,
                                           String message, String unaffectedCheckId) throws IOException {
        Lab lab = grader.labLoader().load(LabFolders.lab(labId));
        Submission reference = LabSelfTest.reference(lab);
        String source = reference.sources().get("Solution.java");
        for (int i = 0; i < edits.size(); i += 2) {
            assertTrue(source.contains(edits.get(i)), "the reference solution contains " + edits.get(i));
            source = source.replace(edits.get(i), edits.get(i + 1));
        }

        GradingResult result = grader.grade(lab, new Submission(Map.of("Solution.java", source), reference.answers()));

        CheckResult check = result.check(checkId);
        assertFalse(check.passed(), () -> checkId + " should fail: " + check.message());
        assertTrue(message.startsWith("regex:") ? Pattern.compile(message.substring(6)).matcher(check.message()).find()
                : check.message().contains(message), () -> checkId + ": " + check.message());
        assertTrue(result.check(unaffectedCheckId).passed(), () -> result.check(unaffectedCheckId).message());
        assertFalse(result.integrityFailure());
        String title = lab.checks().stream().filter(c -> c.id().equals(checkId)).findFirst().orElseThrow().title();
        assertTrue(result.diagnosis().findings().stream().anyMatch(f -> f.kind().equals("failed-check")
                && f.about().equals(title) && f.nextStep() != null && !f.nextStep().isBlank()),
                () -> "a next step for " + checkId + ": " + result.diagnosis());
    }
}
