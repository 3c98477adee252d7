package org.nnlab.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.grader.lab.Lab;
import org.nnlab.grader.reliability.Reliability;
import org.nnlab.grader.result.CheckResult;
import org.nnlab.grader.result.GradingResult;
import org.nnlab.grader.sandbox.BubblewrapSandbox;
import org.nnlab.grader.submission.Submission;

/**
 * Hostile submissions against the digits lab (with a 20 s time limit and a port parameter): each is contained, and
 * grading ends with a result that says what happened.
 */
@Reliability("hostile submissions")
class HostileSubmissionsIT {
    private static Grader grader;
    private static Lab lab;
    private static ServerSocket server;

    @BeforeAll
    static void prepare(@TempDir Path temp) throws IOException {
        LabFolders.assumeSandbox();
        server = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        server.setSoTimeout(200);
        grader = Grader.standard(new BubblewrapSandbox());
        lab = grader.labLoader().load(LabFolders.variant("digits-regularization", temp.resolve("lab"), text -> text
                .replace("wallSeconds: 240", "wallSeconds: 20")
                .replace("  factor: 0.5\n", "  factor: 0.5\n  port: " + server.getLocalPort() + "\n")));
    }

    @Test
    void aConnectionToTheHostIsRefusedAndNothingArrives() throws IOException {
        CheckResult gate = grade("network").check("completes");

        assertFalse(gate.passed());
        assertTrue(gate.message().contains("java.net."), gate.message());
        try {
            server.accept().close();
            throw new AssertionError("the sandboxed code reached the host's loopback");
        } catch (SocketTimeoutException expected) {
            // nothing connected
        }
    }

    @Test
    void systemExitEndsTrainingWithoutAReport() throws IOException {
        CheckResult gate = grade("exit").check("completes");

        assertTrue(gate.message().startsWith("Training ended without a report (exit code 0). Did the code call "
                + "System.exit()"), gate.message());
    }

    @Test
    void anEndlessLoopIsStoppedAtTheTimeLimit() throws IOException {
        GradingResult result = grade("loop");

        assertEquals("train() did not finish within the lab's time limit of 20 s and was stopped. Check for an endless "
                + "loop, or train only the lab's epochs.", result.check("completes").message());
        assertTrue(result.timings().get("trainingSandboxMillis") < 40_000, result.timings().toString());
        assertEquals(0, result.score());
    }

    @Test
    void aHostFileOutsideTheMountsCannotBeRead() throws IOException {
        CheckResult gate = grade("host-file").check("completes");

        assertTrue(gate.message().contains("java.nio.file.NoSuchFileException: /etc/hostname"), gate.message());
    }

    @Test
    void aForkBombIsContainedAndLeavesNoProcess() throws IOException {
        GradingResult result = grade("fork-bomb");

        assertFalse(result.check("completes").passed());
        assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine().orElse("")
                .contains("nnlabbomb")), "a process of the fork bomb survived");
    }

    @Test
    void a100MbFloodOfOutputIsCutAtTheLabsCap() throws IOException {
        GradingResult result = grade("flood");

        assertTrue(result.output().length() <= 2 * 256 * 1024, "kept " + result.output().length() + " characters");
        assertTrue(result.output().startsWith("xxxxxxxx"));
    }

    private static GradingResult grade(String hostile) throws IOException {
        try (InputStream in = HostileSubmissionsIT.class.getResourceAsStream("/hostile/" + hostile
                + "/Solution.java")) {
            String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return grader.grade(lab, new Submission(Map.of("Solution.java", source), Map.of()));
        }
    }
}
