package org.nnlab.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nnlab.grader.lab.Lab;
import org.nnlab.grader.result.CheckResult;
import org.nnlab.grader.result.GradingResult;
import org.nnlab.grader.run.Spares;
import org.nnlab.grader.sandbox.BubblewrapSandbox;
import org.nnlab.grader.submission.Submission;

/**
 * Gradings that take a spare (training and evaluation sandboxes started ahead of their job, whose training JVM
 * compiles the submission itself) give what gradings that start their own sandboxes give: the same curves, checks and
 * score, the same compile errors. The digits lab, at 5 epochs.
 */
class SpareGradingIT {
    private static final String LAB = "digits-regularization";
    private static Lab lab;
    private static String reference;
    private static String reflection;

    @BeforeAll
    static void loadTheLab() throws IOException {
        LabFolders.assumeSandbox();
        lab = Grader.standard(new BubblewrapSandbox()).labLoader().load(LabFolders.lab(LAB)).withParameter("epochs", 5);
        reference = LabFolders.read(LAB, "reference/Solution.java");
        reflection = LabFolders.read(LAB, "reference/answers/reflection.txt");
    }

    @Test
    void aGradingThatTakesASpareGetsWhatAGradingWithItsOwnSandboxesGets() throws IOException {
        Grader grader = Grader.standard(new BubblewrapSandbox()).withSpares(Spares.fixed(1));
        try {
            assertTrue(grader.startSpare(lab));
            assertEquals(1, grader.spareCount());
            List<GradingListener.Stage> stages = new CopyOnWriteArrayList<>();
            GradingResult spared = grader.grade(lab, submission(reference), stagesInto(stages));
            assertEquals(0, grader.spareCount(), "a spare serves one job");
            GradingResult own = grader.grade(lab, submission(reference));

            assertTrue(spared.timings().containsKey("harness.compileMillis"), "the spare's JVM compiled");
            assertFalse(own.timings().containsKey("harness.compileMillis"), "javac ran in a sandbox of its own");
            assertEquals(List.of(GradingListener.Stage.COMPILING, GradingListener.Stage.TRAINING,
                    GradingListener.Stage.EVALUATING, GradingListener.Stage.CHECKING), stages);
            assertEquals(own.score(), spared.score());
            assertEquals(own.checks().stream().map(SpareGradingIT::verdict).toList(),
                    spared.checks().stream().map(SpareGradingIT::verdict).toList());
            for (String run : lab.runs()) {
                assertEquals(own.runs().get(run).epochs(), spared.runs().get(run).epochs(), "run " + run + "'s curve");
                assertEquals(own.runs().get(run).validationAccuracy(), spared.runs().get(run).validationAccuracy());
            }
        } finally {
            grader.stopSpares();
        }
    }

    @Test
    void aSubmissionThatDoesNotCompileGetsTheSameErrorsFromASpare() throws IOException {
        Grader grader = Grader.standard(new BubblewrapSandbox()).withSpares(Spares.fixed(1));
        String broken = reference.replace("double learningRate = 1e-3;", "double learningRate = 1e-3")
                .replace("ctx.intParam(\"epochs\")", "ctx.intParam(epochs)");
        try {
            assertTrue(grader.startSpare(lab));
            GradingResult spared = grader.grade(lab, submission(broken));
            GradingResult own = grader.grade(lab, submission(broken));

            assertFalse(spared.compileErrors().isEmpty());
            assertEquals(own.compileErrors(), spared.compileErrors());
            assertEquals(0, spared.score());
            assertFalse(spared.check("completes").passed());
            assertEquals(own.check("completes").message(), spared.check("completes").message());
        } finally {
            grader.stopSpares();
        }
    }

    @Test
    void aSpareWaitsForItsOwnLabAndStoppingTheSparesEndsThem() throws IOException {
        Grader grader = Grader.standard(new BubblewrapSandbox()).withSpares(Spares.fixed(1));
        try {
            assertTrue(grader.startSpare(lab));
            assertFalse(grader.startSpare(lab), "one spare at most");
            Lab shorter = lab.withParameter("epochs", 2);
            GradingResult other = grader.grade(shorter, submission(reference));

            assertEquals(2, other.runs().get("A").epochs().size());
            assertFalse(other.timings().containsKey("harness.compileMillis"), "it started its own sandboxes");
            assertEquals(1, grader.spareCount(), "the spare still waits for a grading of its lab");
        } finally {
            grader.stopSpares();
        }
        assertEquals(0, grader.spareCount());
        assertFalse(grader.startSpare(lab), "stopped spares start no more");
    }

    private static Submission submission(String source) {
        return new Submission(Map.of("Solution.java", source), Map.of("reflection", reflection));
    }

    private static String verdict(CheckResult check) {
        return check.id() + " " + check.points() + " " + check.message();
    }

    private static GradingListener stagesInto(List<GradingListener.Stage> stages) {
        return stages::add;
    }
}
