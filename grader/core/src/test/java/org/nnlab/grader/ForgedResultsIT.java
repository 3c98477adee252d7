package org.nnlab.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.nnlab.grader.lab.Lab;
import org.nnlab.grader.reliability.Reliability;
import org.nnlab.grader.result.CheckResult;
import org.nnlab.grader.result.GradingResult;
import org.nnlab.grader.sandbox.BubblewrapSandbox;
import org.nnlab.grader.submission.Submission;

/**
 * Forged results against the digits lab (8 epochs instead of 40, which keeps every check meaningful): each forgery
 * is the lab's reference solution (submitted as Honest.java) with a forger stepping in before, during or after its
 * training. None may raise the grade above the honest reference's: either it has no effect at all, or the result is
 * an integrity failure whose message tells the instructor what disagreed.
 */
@Reliability("forged results")
@Execution(ExecutionMode.CONCURRENT)
class ForgedResultsIT {
    private static final String LAB = "digits-regularization";
    private static final Map<String, GradingResult> CRAFTED = new ConcurrentHashMap<>();
    private static Grader grader;
    private static Lab lab;
    private static String honestSource;
    private static String reflection;
    private static GradingResult honest;

    @BeforeAll
    static void gradeTheHonestReference(@TempDir Path temp) throws IOException {
        LabFolders.assumeSandbox();
        grader = Grader.standard(new BubblewrapSandbox());
        lab = grader.labLoader().load(LabFolders.variant(LAB, temp.resolve("lab"),
                text -> text.replace("  epochs: 40\n", "  epochs: 8\n")));
        honestSource = LabFolders.read(LAB, "reference/Solution.java").replace("public class Solution ",
                "public class Honest ");
        reflection = LabFolders.read(LAB, "reference/answers/reflection.txt");
        honest = grader.grade(lab, new Submission(Map.of("Solution.java", honestSource.replace(
                "public class Honest ", "public class Solution ")), Map.of("reflection", reflection)));
        assertFalse(honest.integrityFailure(), honest.checks()::toString);
    }

    @Test
    void aFakeReportWrittenBeforeTheHarnessWritesItsOwnIsOverwritten() throws IOException {
        assertNoEffect(grade("report-before"));
    }

    @Test
    void aReportRewrittenAfterTheHarnessWroteItIsAnIntegrityFailure() throws IOException {
        GradingResult forged = grade("report-after");

        assertIntegrityFailure(forged, "consistency", "run A recorded a final validation accuracy of 100%, but its "
                + "saved network measures");
        assertTrue(forged.check("consistency").message().contains("run B recorded a final validation accuracy of "
                + "100%"), forged.check("consistency").message());
    }

    @Test
    void textImitatingTheHarnessProtocolOnStdoutAndStderrIsOnlyOutput() throws IOException {
        GradingResult forged = grade("protocol-output");

        assertNoEffect(forged);
        assertTrue(forged.output().contains("score: 100 / 100"), forged.output());
    }

    @Test
    void fakeEpochsAppendedToTheProgressFileDoNotReachTheResult() throws IOException {
        assertNoEffect(grade("fake-progress"));
    }

    @Test
    void predictionsPlantedInTheTrainingOutputAreNotTakenForTheEvaluations() throws IOException {
        assertNoEffect(grade("planted-evaluation"));
    }

    @Test
    void recordedEpochsRewrittenByReflectionAreAnIntegrityFailure() throws IOException {
        assertIntegrityFailure(grade("reflection-epochs"), "consistency", "run A recorded a final validation "
                + "accuracy of 100%, but its saved network measures");
    }

    @Test
    void anEarlierEpochRewrittenByReflectionWhileTheLastStaysTrueIsAnIntegrityFailure() throws IOException {
        assertIntegrityFailure(grade("reflection-earlier-epoch"), "consistency", "run A recorded a validation "
                + "accuracy of 100% and loss 0.001 at epoch ");
    }

    @Test
    void weightsKeptAtEachEpochsEndDeletedToHideARewrittenEpochAreAnIntegrityFailure() throws IOException {
        assertIntegrityFailure(grade("deleted-epoch-weights"), "consistency", "but the harness kept its weights at "
                + "the end of 0 epochs instead of ");
    }

    @Test
    void aTrackedNetworkSwappedWithUnsafeIsAnIntegrityFailure() throws IOException {
        assertIntegrityFailure(grade("unsafe-network"), "consistency", "run A recorded a final validation loss of");
    }

    @Test
    void aReportedValueThatNoEpochMeasuredEarnsNothing() throws IOException {
        GradingResult forged = grade("reported-value");

        CheckResult reported = forged.check("reported-A");
        assertFalse(reported.passed());
        assertTrue(reported.message().startsWith("Reported A.bestValidationAccuracy = 1, but the maximum of run A's "
                + "validationAccuracy curve is"), reported.message());
        assertEquals(honest.score() - honest.check("reported-A").points(), forged.score());
        assertEquals(honest.runs(), forged.runs());
    }

    @Test
    void aNetworkTrainedAfterItsLastRecordedEpochIsAnIntegrityFailure() throws IOException {
        assertIntegrityFailure(grade("trained-after-last-epoch"), "consistency",
                "run A recorded a final validation loss of");
    }

    @Test
    void aSavedNetworkFileReplacedAfterSavingIsAnIntegrityFailure() throws IOException {
        assertIntegrityFailure(grade("swapped-network-file"), "consistency",
                "run A recorded a final validation loss of");
    }

    @Test
    void regularizationPutOnTheConfigurationAfterTrainingIsAnIntegrityFailure() throws IOException {
        GradingResult forged = grade("regularization-after-training");

        assertIntegrityFailure(forged, "consistency", "run B's saved configuration declares");
        assertFalse(forged.check("regularization-B").passed(), forged.check("regularization-B").message());
    }

    @Test
    void trainingOnTheValidationRowsIsAnIntegrityFailure() throws IOException {
        assertIntegrityFailure(grade("validation-training"), "consistency", "trained on the validation rows");
    }

    @Test
    void zipEntriesClimbingOutOfTheFolderAreNeverUnpacked() throws IOException {
        GradingResult forged = crafted("crafted-traversal-huge-array");

        assertEquals(honest.runs().get("A"), forged.runs().get("A"));
        assertEquals(honest.check("accuracy-A"), forged.check("accuracy-A"));
        assertFalse(Files.exists(Path.of("/tmp/nnlab-forged-escape")), "an entry was unpacked outside its folder");
    }

    @Test
    void aNetworkDeclaringAHugeArrayFailsOnlyItsOwnRun() throws IOException {
        GradingResult forged = crafted("crafted-traversal-huge-array");

        assertFalse(forged.check("accuracy-B").passed());
        assertTrue(forged.check("accuracy-B").message().contains("the saved network could not be loaded"),
                forged.check("accuracy-B").message());
        assertEquals(honest.check("accuracy-A"), forged.check("accuracy-A"));
        assertTrue(forged.score() < honest.score());
    }

    @Test
    void aJavaSerializedPayloadInASavedNetworkIsNeverDeserialized() throws IOException {
        GradingResult forged = crafted("crafted-serialized-malformed");

        assertTrue(forged.check("accuracy-A").message().contains("it holds a Java-serialized object, which the "
                + "grader never deserializes"), forged.check("accuracy-A").message());
        assertTrue(forged.timings().get("evaluationSandboxMillis") < 60_000, forged.timings()::toString);
    }

    @Test
    void aSavedNetworkWithMalformedJsonIsReportedAndScoresNothingForItsConfiguration() throws IOException {
        GradingResult forged = crafted("crafted-serialized-malformed");

        assertTrue(forged.check("regularization-B").message().startsWith("Run B has no saved network"),
                forged.check("regularization-B").message());
        assertTrue(forged.check("accuracy-B").message().contains("its saved configuration cannot be read: "),
                forged.check("accuracy-B").message());
        assertTrue(forged.score() < honest.score());
    }

    private static void assertNoEffect(GradingResult forged) {
        assertFalse(forged.integrityFailure(), forged.checks()::toString);
        assertEquals(honest.checks(), forged.checks());
        assertEquals(honest.runs(), forged.runs());
        assertEquals(honest.score(), forged.score());
    }

    private static void assertIntegrityFailure(GradingResult forged, String checkId, String message) {
        CheckResult check = forged.check(checkId);
        assertTrue(forged.integrityFailure(), () -> forged.checks() + "\n" + forged.runs());
        assertTrue(check.message().startsWith("Integrity failure: "), check.message());
        assertTrue(check.message().contains(message), check.message());
        assertTrue(forged.score() < honest.score(), "forged " + forged.score() + ", honest " + honest.score());
    }

    /** Grades a submission whose crafted files several cases look at, once. */
    private static GradingResult crafted(String forgery) throws IOException {
        GradingResult result = CRAFTED.get(forgery);
        if (result == null) {
            synchronized (CRAFTED) {
                result = CRAFTED.get(forgery);
                if (result == null) {
                    result = grade(forgery);
                    CRAFTED.put(forgery, result);
                }
            }
        }
        return result;
    }

    private static GradingResult grade(String forgery) throws IOException {
        return grader.grade(lab, new Submission(Map.of("Solution.java", resource(forgery + "/Solution.java"),
                "Forgery.java", resource("Forgery.java"), "Honest.java", honestSource),
                Map.of("reflection", reflection)));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ForgedResultsIT.class.getResourceAsStream("/forged/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
