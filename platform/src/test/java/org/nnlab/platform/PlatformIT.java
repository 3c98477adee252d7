package org.nnlab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nnlab.grader.sandbox.BubblewrapSandbox;
import org.nnlab.grader.sandbox.SandboxProbe;

/**
 * The platform on a real Payara Micro, driven over HTTP: log in, open the digits lab, submit the reference solution,
 * wait for the grade, read the report (bad input and the walls around the platform are {@link BadInputIT}'s).
 */
class PlatformIT {
    private static final String PASSWORD = SharedPlatform.PASSWORD;
    private static final String LAB = SharedPlatform.LAB;
    private static final int LIMIT = SharedPlatform.LIMIT;
    private static final String BROKEN = "import org.nnlab.api.*;\npublic class Solution implements LabSolution {\n"
            + "    public void train(LabContext ctx) {\n        int x = \"text\";\n    }\n}\n";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static PayaraMicro server;
    private static String submissionPath;
    private static JsonNode graded;
    private static final java.util.Set<String> statesSeen = new java.util.LinkedHashSet<>();
    private static final java.util.SortedSet<Integer> livePointsSeen = new java.util.TreeSet<>();

    @BeforeAll
    static void startThePlatformAndSubmitTheReference() throws Exception {
        SandboxProbe probe = BubblewrapSandbox.probe();
        Assumptions.assumeTrue(probe.available(), () -> "this machine cannot sandbox: " + probe.problem());
        server = SharedPlatform.server();
        Browserless student = new Browserless(server.url());
        student.login("student", PASSWORD);
        student.awaitPublished(LAB);
        Path reference = Path.of(System.getProperty("nnlab.labs"), LAB, "reference");
        HttpResponse<String> submitted = student.postMultipart("/labs/" + LAB, Map.of("answer.reflection",
                Files.readString(reference.resolve("answers/reflection.txt"))), Map.of("files",
                Map.entry("Solution.java", Files.readString(reference.resolve("Solution.java")))));
        assertEquals(302, submitted.statusCode(), submitted.body());
        submissionPath = Path.of(java.net.URI.create(submitted.headers().firstValue("Location").orElseThrow())
                .getPath()).toString();
        graded = waitForGrade(student, submissionPath);
    }

    @AfterAll
    static void done() {
        SharedPlatform.done(PlatformIT.class);
    }

    @Test
    void aPageNeedsALoginFirst() throws Exception {
        HttpResponse<String> response = new Browserless(server.url()).get("/");

        assertEquals(302, response.statusCode());
        assertTrue(response.headers().firstValue("Location").orElse("").endsWith("/login"));
    }

    @Test
    void aPlatformOnItsOwnKeepsSessionsInMemoryRatherThanInTheDataGrid() throws Exception {
        Browserless student = new Browserless(server.url());

        assertEquals(302, student.login("student", PASSWORD).statusCode());
        assertTrue(student.cookieHeader().contains("JSESSIONID="), student.cookieHeader());
        assertFalse(student.cookieHeader().contains("JSESSIONIDVERSION="), "a replicated session's version: "
                + student.cookieHeader());
    }

    @Test
    void aPageAskedForBeforeTheLoginIsShownAfterIt() throws Exception {
        Browserless student = new Browserless(server.url());
        assertEquals(302, student.get("/labs/" + LAB).statusCode());

        HttpResponse<String> loggedIn = student.login("student2", PASSWORD);

        assertEquals(302, loggedIn.statusCode());
        assertTrue(loggedIn.headers().firstValue("Location").orElse("").endsWith("/labs/" + LAB),
                loggedIn.headers().toString());
    }

    @Test
    void pagesOfLoggedInStudentsAskedForAllAtOnceAreNeverForbidden() throws Exception {
        List<Browserless> students = new ArrayList<>();
        for (String name : List.of("student6", "student7", "student16")) {
            Browserless student = new Browserless(server.url());
            assertEquals(302, student.login(name, PASSWORD).statusCode());
            students.add(student);
        }
        ExecutorService requests = Executors.newFixedThreadPool(24);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 240; i++) {
                Browserless student = students.get(i % students.size());
                String page = i % 2 == 0 ? "/" : "/labs/" + LAB;
                statuses.add(requests.submit(() -> student.get(page).statusCode()));
            }
            Map<Integer, Integer> counts = new TreeMap<>();
            for (Future<Integer> status : statuses) {
                counts.merge(status.get(), 1, Integer::sum);
            }
            assertEquals(Map.of(200, 240), counts, "status: number of requests");
        } finally {
            requests.shutdownNow();
        }
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
    void theReferenceSolutionIsGradedWithFullMarksAndItsReportAndDiagnosisShown() throws Exception {
        Browserless student = new Browserless(server.url());
        student.login("student", PASSWORD);

        assertEquals("GRADED", graded.get("status").asText(), graded.toString());
        assertEquals(100.0, graded.get("score").asDouble());
        assertTrue(graded.get("runs").get("A").get("testAccuracy").isNull(), "test accuracy hidden from students");
        assertTrue(statesSeen.stream().anyMatch(s -> s.matches("GRADING:training run [AB]: epoch \\d+ of 40")),
                "the epochs were shown live: " + statesSeen);
        assertTrue(livePointsSeen.size() >= 3 && livePointsSeen.last() > livePointsSeen.first(),
                "the curves grew while training: " + livePointsSeen);
        String page = student.get(submissionPath).body();
        assertTrue(page.contains("<span id=\"score\">100.0</span>"), page);
        assertTrue(page.contains("id=\"loss-chart\""));
        assertTrue(page.contains("Model B: weight decay 1e-4 and dropout 0.2"));
        assertTrue(page.contains("<h2>Diagnosis</h2>") && page.contains("<strong>run A</strong>: <span>It overfits "
                + "from epoch"), "the diagnosis reads run A's curves: " + page);
        String lab = student.get("/labs/" + LAB).body();
        assertTrue(lab.contains("<span class=\"counts\">counts</span>"), "the counting submission is marked");
        assertTrue(lab.contains("You can submit " + (LIMIT - 1) + " more times now (limit: " + LIMIT
                + " submissions per hour). The best graded submission counts."), lab);
        assertTrue(student.get("/").body().contains("<span>100.0</span>"), "the dashboard shows the score");
    }

    @Test
    void codeThatDoesNotCompileGetsItsErrorsByFileAndLine() throws Exception {
        Browserless student = new Browserless(server.url());
        student.login("student3", PASSWORD);
        student.get("/labs/" + LAB);

        String path = submit(student, BROKEN);
        JsonNode state = waitForGrade(student, path);

        assertEquals(0.0, state.get("score").asDouble(), state.toString());
        String page = student.get(path).body();
        assertTrue(page.contains("<h3>Compile errors</h3>"), page);
        assertTrue(page.contains("<td><code>Solution.java</code></td>"));
        assertTrue(page.contains("<td>4</td>"), "the line of the error");
        assertTrue(page.contains("incompatible types: String cannot be converted to int"));
    }

    @Test
    void aSubmissionBeyondTheLabsRateLimitIsRefusedAndKeepsWhatWasTyped() throws Exception {
        Browserless student = new Browserless(server.url());
        student.login("student4", PASSWORD);
        student.get("/labs/" + LAB);
        for (int i = 0; i < LIMIT; i++) {
            submit(student, BROKEN);
        }

        HttpResponse<String> refused = student.postMultipart("/labs/" + LAB, Map.of("source", BROKEN,
                "answer.reflection", "Typed after the limit."), Map.of());

        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("You have made " + LIMIT + " submissions to this lab within 60 minutes"),
                refused.body());
        assertTrue(refused.body().contains("Typed after the limit."));
        assertTrue(refused.body().contains("You can submit 0 more times now"));
        assertTrue(refused.body().contains("<button type=\"submit\" disabled=\"disabled\">Submit for grading"));
    }

    @Test
    void aStudentChangesTheirPasswordAfterGivingTheCurrentOne() throws Exception {
        Browserless student = new Browserless(server.url());
        student.login("student5", PASSWORD);
        student.get("/account");

        HttpResponse<String> wrong = student.postForm("/account", Map.of("current", "not-it", "password",
                "a-new-password", "repeated", "a-new-password"));
        HttpResponse<String> changed = student.postForm("/account", Map.of("current", PASSWORD, "password",
                "a-new-password", "repeated", "a-new-password"));

        assertEquals(400, wrong.statusCode());
        assertTrue(wrong.body().contains("The current password is wrong."));
        assertEquals(302, changed.statusCode());
        assertTrue(student.get("/account?password=changed").body().contains("Your password was changed."));
        assertEquals(401, new Browserless(server.url()).login("student5", PASSWORD).statusCode());
        assertEquals(302, new Browserless(server.url()).login("student5", "a-new-password").statusCode());
    }

    @Test
    void theStudentDownloadsTheLabsKitWithTheStarterAndWithoutTheReference() throws Exception {
        Browserless student = new Browserless(server.url());
        student.login("student", PASSWORD);
        assertTrue(student.get("/labs/" + LAB).body().contains("href=\"/labs/" + LAB + "/kit\""));

        HttpResponse<byte[]> kit = student.download("/labs/" + LAB + "/kit");

        assertEquals(200, kit.statusCode());
        assertEquals("application/zip", kit.headers().firstValue("Content-Type").orElse(""));
        assertTrue(kit.headers().firstValue("Content-Disposition").orElse("").contains(LAB + "-kit.zip"));
        Map<String, String> entries = new java.util.TreeMap<>();
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(kit.body()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), entry.getName().endsWith(".java") || entry.getName().endsWith(".xml")
                        ? new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8) : "");
            }
        }
        String root = LAB + "-kit/";
        assertEquals(Files.readString(Path.of(System.getProperty("nnlab.labs"), LAB, "starter", "Solution.java")),
                entries.get(root + "src/main/java/Solution.java"), "the starter, as the lab has it");
        assertTrue(entries.get(root + "pom.xml").contains("exec-maven-plugin"));
        assertTrue(entries.keySet().stream().anyMatch(name -> name.matches(root + "repo/org/nnlab/nnlab-kit/.*\\.jar")),
                entries.keySet().toString());
        assertTrue(entries.keySet().stream().noneMatch(name -> name.contains("reference")
                || name.contains("answers")), "nothing of the reference solution: " + entries.keySet());
        assertEquals(302, new Browserless(server.url()).download("/labs/" + LAB + "/kit").statusCode(),
                "only for logged-in users");
        assertEquals(404, student.download("/labs/no-such-lab/kit").statusCode());
    }

    private static String submit(Browserless student, String source) throws IOException, InterruptedException {
        HttpResponse<String> submitted = student.postMultipart("/labs/" + LAB, Map.of("source", source), Map.of());
        assertEquals(302, submitted.statusCode(), submitted.body());
        return java.net.URI.create(submitted.headers().firstValue("Location").orElseThrow()).getPath();
    }

    private static JsonNode waitForGrade(Browserless student, String path) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 300_000_000_000L;
        JsonNode state = null;
        while (System.nanoTime() < deadline) {
            state = JSON.readTree(student.get(path + "/status").body());
            String status = state.get("status").asText();
            statesSeen.add(status + (state.get("progress").isNull() ? "" : ":" + state.get("progress").asText()));
            JsonNode curves = state.path("live").path("curves");
            int points = 0;
            for (JsonNode run : curves) {
                points += run.size();
            }
            if (points > 0) {
                livePointsSeen.add(points);
            }
            if (status.equals("GRADED") || status.equals("FAILED")) {
                return state;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not graded in time; last state " + state + "\n" + server.log());
    }
}
