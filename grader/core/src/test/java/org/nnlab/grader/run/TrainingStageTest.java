package org.nnlab.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.nnlab.grader.check.CheckCatalog;
import org.nnlab.grader.lab.Lab;
import org.nnlab.grader.lab.LabLoader;
import org.nnlab.grader.sandbox.SandboxOutcome;

class TrainingStageTest {
    private static final Lab DIGITS = new LabLoader(CheckCatalog.builtIn()::create).load(
            Path.of(System.getProperty("nnlab.labs", "../../labs"), "digits-regularization"));

    @Test
    void aTrainingProcessKilledFromOutsideSaysSoAndAsksToSubmitAgain() {
        String failure = TrainingStage.failure(ended(137, Duration.ofSeconds(5)), null, null, DIGITS);

        assertEquals("Training ended without a report (exit code 137): its process was killed (SIGKILL) before it "
                + "finished, by the code itself or by the machine it ran on. Submit again; if it happens again, ask "
                + "your instructor.", failure);
    }

    @Test
    void aTrainingProcessThatExitedEarlyAsksWhetherTheCodeCalledSystemExit() {
        String failure = TrainingStage.failure(ended(3, Duration.ofSeconds(5)), null, null, DIGITS);

        assertTrue(failure.startsWith("Training ended without a report (exit code 3). Did the code call "
                + "System.exit()"), failure);
    }

    private static SandboxOutcome ended(int exitCode, Duration after) {
        return new SandboxOutcome(exitCode, false, false, false, "", "", false, after, -1);
    }
}
