package org.nnlab.grader.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnlab.grader.check.Evidence;
import org.nnlab.grader.check.RunEvidence;
import org.nnlab.grader.curve.RunCurve;
import org.nnlab.grader.curve.Runs;
import org.nnlab.grader.lab.CheckSpec;
import org.nnlab.grader.lab.Fields;
import org.nnlab.grader.result.CheckResult;
import org.nnlab.grader.result.Diagnosis;
import org.nnlab.grader.result.Diagnosis.Finding;
import org.nnlab.protocol.LayerActivity;
import org.nnlab.protocol.LayerSymmetry;

class DiagnoserTest {

    @Test
    void anOverfittingRunIsToldToRegularizeOrStopBeforeItsValidationLossRises() {
        Finding finding = only(run(Runs.modelA()));

        assertEquals("overfitting", finding.kind());
        assertTrue(finding.observation().startsWith("It overfits from epoch 13: its validation loss rose from its "
                + "lowest, 0.08 at epoch 12, to 0.136 at epoch 40"), finding.observation());
        assertTrue(finding.nextStep().contains(".weightDecay(1e-4)") && finding.nextStep().contains("epoch 12"),
                finding.nextStep());
    }

    @Test
    void aRunStillImprovingAtTheEndIsToldToTrainLonger() {
        Finding finding = only(run(Runs.modelB()));

        assertEquals("underfitting", finding.kind());
        assertTrue(finding.nextStep().startsWith("Train for more epochs"), finding.nextStep());
    }

    @Test
    void aRunThatLevelsOffIsHealthyWithNoNextStep() {
        Finding finding = only(run(Runs.run("C", e -> 0.08 + 0.5 / e, e -> 0.06 + 0.5 / e / e, e -> 0.98,
                e -> 1e-3)));

        assertEquals("healthy", finding.kind());
        assertNull(finding.nextStep());
        assertTrue(finding.observation().contains("lowest 0.0603 at epoch 40"), finding.observation());
    }

    @Test
    void aLossThatIsNotANumberDivergesAndAsksForALowerRate() {
        Finding finding = only(run(Runs.run("C", e -> e < 5 ? 1.0 / e : Double.NaN, e -> 1.0 / e, e -> 0.5,
                e -> 1.0)));

        assertEquals("divergence", finding.kind());
        assertEquals("Its loss is not a number from epoch 5 on: training diverged.", finding.observation());
        assertTrue(finding.nextStep().startsWith("Lower the learning rate 10x"), finding.nextStep());
    }

    @Test
    void aTrainingLossThatJumpsUpOftenIsTooHighARate() {
        Finding finding = only(run(Runs.run("C", e -> e == 1 ? 1.0 : e % 2 == 0 ? 0.8 - 0.005 * e : 0.5 - 0.005 * e,
                e -> 0.7, e -> 0.7, e -> 0.5)));

        assertEquals("unstable", finding.kind());
        assertTrue(finding.observation().contains("in 19 of 39 epochs"), finding.observation());
    }

    @Test
    void aFlatLossAsksWhetherTheNetworkLearnsAtAll() {
        Finding finding = only(run(Runs.run("C", e -> 2.30 - 0.0001 * e, e -> 2.30, e -> 0.1, e -> 1e-3)));

        assertEquals("flat-loss", finding.kind());
        assertTrue(finding.nextStep().contains("not initialized to zero"), finding.nextStep());
    }

    @Test
    void aSlowlyFallingLossAsksForAHigherRate() {
        Finding finding = only(run(Runs.run("C", e -> 2.3 - 0.02 * e, e -> 2.3 - 0.02 * e, e -> 0.3, e -> 1e-5)));

        assertEquals("slow-learning", finding.kind());
        assertTrue(finding.nextStep().startsWith("Raise the learning rate about 10x"), finding.nextStep());
    }

    @Test
    void hiddenLayersOfCopiesAndOfUnitsThatNeverFireAreFound() {
        RunCurve levels = Runs.run("C", e -> 0.08 + 0.5 / e, e -> 0.06 + 0.5 / e / e, e -> 0.98, e -> 1e-3);
        RunEvidence run = new RunEvidence("C", levels.epochs(), null, null, null, null, null,
                List.of(new LayerSymmetry(0, 64, 1, true), new LayerSymmetry(1, 32, 32, true),
                        new LayerSymmetry(2, 10, 10, false)), null, 0, null,
                List.of(new LayerActivity(0, 64, 64), new LayerActivity(1, 32, 12)));

        List<Finding> findings = Diagnoser.diagnose(evidence(run), List.of(), List.of()).findings();

        assertEquals(List.of("symmetric-units", "dead-units"), findings.stream().map(Finding::kind).toList());
        assertTrue(findings.get(1).observation().startsWith("12 of the 32 units of layer 1 output 0 for every "
                + "validation example"), findings.get(1).observation());
    }

    @Test
    void eachFailedCheckGetsTheLabsFixOrTheTypesAdviceButNotChecksThatWereNeverGraded() {
        RunEvidence run = run(Runs.modelA());
        List<CheckSpec> specs = List.of(spec("optimizer-A", "optimizer", "Model A: Adam", null),
                spec("regularization-B", "regularization", "Model B: weight decay", "In model B's builder add "
                        + ".weightDecay(1e-4)."),
                spec("accuracy-A", "accuracy", "Model A: accuracy", null));
        List<CheckResult> results = List.of(new CheckResult("optimizer-A", "Model A: Adam", 0, 10, false,
                        "Run A uses Sgd; expected Adam.\nMore detail."),
                new CheckResult("regularization-B", "Model B: weight decay", 0, 15, false, "No weight decay."),
                new CheckResult("accuracy-A", "Model A: accuracy", 0, 5, false, "Not graded: the code must "
                        + "compile and train() must complete first."));

        Diagnosis diagnosis = Diagnoser.diagnose(evidence(run), specs, results);

        List<Finding> failed = diagnosis.findings().stream().filter(f -> f.kind().equals("failed-check")).toList();
        assertEquals(2, failed.size());
        assertEquals(new Finding("Model A: Adam", "failed-check", "Run A uses Sgd; expected Adam.",
                NextSteps.forType("optimizer")), failed.get(0));
        assertEquals("In model B's builder add .weightDecay(1e-4).", failed.get(1).nextStep());
    }

    private static Finding only(RunEvidence run) {
        List<Finding> findings = Diagnoser.diagnose(evidence(run), List.of(), List.of()).findings();
        assertEquals(1, findings.size(), findings::toString);
        return findings.get(0);
    }

    private static RunEvidence run(RunCurve curve) {
        return new RunEvidence(curve.name(), curve.epochs(), null, null, null, null);
    }

    private static Evidence evidence(RunEvidence run) {
        return new Evidence(Map.of(), 10, 1258, true, null, Map.of(run.name(), run), Map.of(), Map.of(), List.of());
    }

    private static CheckSpec spec(String id, String type, String title, String fix) {
        return new CheckSpec(id, type, title, 10, false, new Fields("lab.yaml", "checks[0].params",
                JsonNodeFactory.instance.objectNode()), fix);
    }
}
