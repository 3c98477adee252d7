package org.nnlab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nnlab.grader.sandbox.BubblewrapSandbox;
import org.nnlab.grader.sandbox.SandboxProbe;

/**
 * The platform on a real Payara Micro, driven over HTTP: log in, open the digits lab, submit the reference solution,
 * wait for the grade, read the report; and the walls between students.
 */
class PlatformIT {
    private static final String PASSWORD = "it-password-1";
    private static final String LAB = "digits-regularization";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static PayaraMicro server;
    private static String submissionPath;
    private static JsonNode graded;
    private static final java.util.Set<String> statesSeen = new java.util.LinkedHashSet<>();

    @BeforeAll
    static void startThePlatformAndSubmitTheReference() throws Exception {
        SandboxProbe probe = BubblewrapSandbox.probe();
        Assumptions.assumeTrue(probe.available(), () -> "this machine cannot sandbox: " + probe.problem());
        server = PayaraMicro.start(List.of("-Dnnlab.seed.student.password=" + PASSWORD,
                "-Dnnlab.seed.instructor.password=" + PASSWORD, "-Dnnlab.seed.students=2"));
        Browserless student = new Browserless(server.url());
        student.login("student", PASSWORD);
        student.get("/labs/" + LAB);
        Path reference = Path.of(System.getProperty("nnlab.labs"), LAB, "reference");
        HttpResponse<String> submitted = student.postMultipart("/labs/" + LAB, Map.of("answer.reflection",
                Files.readString(reference.resolve("answers/reflection.txt"))), Map.of("files",
                Map.entry("Solution.java", Files.readString(reference.resolve("Solution.java")))));
        assertEquals(302, submitted.statusCode(), submitted.body());
        submissionPath = Path.of(java.net.URI.create(submitted.headers().firstValue("Location").orElseThrow())
                .getPath()).toString();
        graded = waitForGrade(student);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aPageNeedsALoginFirst() throws Exception {
        HttpResponse<String> response = new Browserless(server.url()).get("/");

        assertEquals(302, response.statusCode());
        assertTrue(response.headers().firstValue("Location").orElse("").endsWith("/login"));
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessage() throws Exception {
        HttpResponse<String> response = new Browserless(server.url()).login("student", "wrong");

        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("The user name or the password is wrong."));
    }

    @Test
    void theStudentSeesTheLabOfTheDemoCourseWithItsInstructions() throws Exception {
        Browserless student = new Browserless(server.url());
        student.login("student", PASSWORD);

        assertTrue(student.get("/").body().contains("href=\"/labs/" + LAB + "\""));
        String lab = student.get("/labs/" + LAB).body();
        assertTrue(lab.contains("<h2>Model A: the baseline</h2>"), "instructions rendered from Markdown");
        assertTrue(lab.contains("public class Solution implements LabSolution"), "starter shown");
        assertTrue(lab.contains("<label for=\"answer-reflection\">Reflection</label>"));
    }

    @Test
    void theReferenceSolutionIsGradedWithFullMarksAndItsReportShown() throws Exception {
        Browserless student = new Browserless(server.url());
        student.login("student", PASSWORD);

        assertEquals("GRADED", graded.get("status").asText(), graded.toString());
        assertEquals(100.0, graded.get("score").asDouble());
        assertTrue(graded.get("runs").get("A").get("testAccuracy").isNull(), "test accuracy hidden from students");
        assertTrue(statesSeen.stream().anyMatch(s -> s.matches("GRADING:training run [AB]: epoch \\d+ of 40")),
                "the epochs were shown live: " + statesSeen);
        String page = student.get(submissionPath).body();
        assertTrue(page.contains("<span id=\"score\">100.0</span>"), page);
        assertTrue(page.contains("id=\"loss-chart\""));
        assertTrue(page.contains("Model B: weight decay 1e-4 and dropout 0.2"));
    }

    @Test
    void anotherStudentCannotSeeTheSubmission() throws Exception {
        Browserless other = new Browserless(server.url());
        other.login("student2", PASSWORD);

        assertEquals(404, other.get(submissionPath).statusCode());
        assertEquals(404, other.get(submissionPath + "/status").statusCode());
    }

    @Test
    void aSubmissionWithoutTheEntryClassIsRefusedAndKeepsWhatWasTyped() throws Exception {
        Browserless student = new Browserless(server.url());
        student.login("student2", PASSWORD);
        student.get("/labs/" + LAB);

        HttpResponse<String> response = student.postMultipart("/labs/" + LAB, Map.of("source", "class Other {}",
                "answer.reflection", "My typed reflection."), Map.of());

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("The lab runs the class Solution, but Solution.java does not declare it."),
                response.body());
        assertTrue(response.body().contains("My typed reflection."));
    }

    @Test
    void aFormWithoutItsTokenIsRefused() throws Exception {
        Browserless student = new Browserless(server.url());
        student.login("student", PASSWORD);

        student.forgetToken();

        assertEquals(403, student.postForm("/logout", Map.of()).statusCode());
        assertEquals(200, student.get("/").statusCode(), "still logged in");
    }

    private static JsonNode waitForGrade(Browserless student) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 300_000_000_000L;
        JsonNode state = null;
        while (System.nanoTime() < deadline) {
            state = JSON.readTree(student.get(submissionPath + "/status").body());
            String status = state.get("status").asText();
            statesSeen.add(status + (state.get("progress").isNull() ? "" : ":" + state.get("progress").asText()));
            if (status.equals("GRADED") || status.equals("FAILED")) {
                return state;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not graded in time; last state " + state + "\n" + server.log());
    }
}
