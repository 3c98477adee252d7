package org.nnlab.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnlab.grader.check.CheckCatalog;
import org.nnlab.grader.lab.Lab;
import org.nnlab.grader.lab.LabLoader;
import org.nnlab.grader.sandbox.SandboxOutcome;
import org.nnlab.protocol.TrainingReport;

class TrainingStageTest {
    private static final Lab LAB = new LabLoader(CheckCatalog.standard()::create).load(Path.of(System.getProperty(
            "nnlab.labs", "../../labs"), "digits-regularization"));

    @Test
    void aMemoryKillThatCameAfterTheTimeLimitIsReportedAsMemory() {
        SandboxOutcome killedLate = new SandboxOutcome(137, true, false, true, false, false, "", "", false,
                Duration.ofSeconds(241), 3L << 30);

        assertEquals("train() ran out of memory: the lab allows 3072 MB in all (1024 MB of Java heap). Keep fewer "
                + "copies of the data or smaller networks.", TrainingStage.failure(killedLate, null, null, LAB, null));
    }

    @Test
    void outputPastTheQuotaIsReportedWithTheQuota() {
        SandboxOutcome stopped = new SandboxOutcome(137, false, false, false, false, true, "", "", false,
                Duration.ofSeconds(3), 1L << 30);

        assertEquals("train() wrote more than the lab allows outside its scratch folder (512 MB in all) and was "
                + "stopped.", TrainingStage.failure(stopped, null, null, LAB, null));
    }

    @Test
    void aTrainingProcessKilledFromOutsideSaysSoAndAsksToSubmitAgain() {
        String failure = TrainingStage.failure(ended(137, Duration.ofSeconds(5)), null, null, LAB, null);

        assertEquals("Training ended without a report (exit code 137): its process was killed (SIGKILL) before it "
                + "finished, by the code itself or by the machine it ran on. Submit again; if it happens again, ask "
                + "your instructor.", failure);
    }

    @Test
    void aTrainingProcessThatExitedEarlyAsksWhetherTheCodeCalledSystemExit() {
        String failure = TrainingStage.failure(ended(3, Duration.ofSeconds(5)), null, null, LAB, null);

        assertTrue(failure.startsWith("Training ended without a report (exit code 3). Did the code call "
                + "System.exit() or Runtime.halt()"), failure);
    }

    @Test
    void aRunThatRanIntoTheProcessLimitDoesNotCountEvenWhenTrainReturned() {
        SandboxOutcome refused = new SandboxOutcome(0, false, false, false, true, false, "", "", false,
                Duration.ofSeconds(2), 1L << 30);
        TrainingReport completed = new TrainingReport(true, null, Map.of(), Map.of(), List.of(), Map.of());

        assertEquals("train() started more threads or processes than the lab allows (256 in all, ND4J's own "
                + "included). A fork or a thread it asked for was refused, so its run does not count.",
                TrainingStage.failure(refused, completed, null, LAB, null));
    }

    private static SandboxOutcome ended(int exitCode, Duration after) {
        return new SandboxOutcome(exitCode, false, false, false, false, false, "", "", false, after, -1);
    }
}
