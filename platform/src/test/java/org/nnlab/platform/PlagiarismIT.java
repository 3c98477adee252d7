package org.nnlab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nnlab.grader.sandbox.BubblewrapSandbox;
import org.nnlab.grader.sandbox.SandboxProbe;

/**
 * Similarity checks on a platform of its own (its course's submissions are only this test's): two students submit
 * near-identical code, a third other code that does not compile; the instructor checks the lab with JPlag.
 */
class PlagiarismIT {
    private static final String PASSWORD = "plagiarism-password";
    private static final String LAB = "digits-regularization";
    private static final String PAGE = "/teach/similarity/DL-101/" + LAB;
    private static final Pattern PAIR_ROW = Pattern.compile("<tr>\\s*<td>(\\w+)</td>\\s*<td>(\\w+)</td>\\s*"
            + "<td class=\"similarity\">(\\d+) %</td>");
    private static final Pattern SIDE_LINK = Pattern.compile("href=\"(/teach/similarity/DL-101/" + LAB
            + "/pairs/[0-9a-f-]+)\"");
    private static PayaraMicro server;
    private static Browserless instructor;
    private static String reference;
    private static String reflection;

    @BeforeAll
    static void startThePlatform() throws Exception {
        SandboxProbe probe = BubblewrapSandbox.probe();
        Assumptions.assumeTrue(probe.available(), () -> "this machine cannot sandbox: " + probe.problem());
        server = PayaraMicro.start(List.of("-Dnnlab.seed.student.password=" + PASSWORD,
                "-Dnnlab.seed.instructor.password=" + PASSWORD, "-Dnnlab.seed.students=3"));
        instructor = new Browserless(server.url());
        instructor.login("instructor", PASSWORD);
        Browserless student = new Browserless(server.url());
        student.login("student3", PASSWORD);
        student.awaitPublished(LAB); // its self-test grades the reference first
        Path lab = Path.of(System.getProperty("nnlab.labs"), LAB, "reference");
        reference = Files.readString(lab.resolve("Solution.java"));
        reflection = Files.readString(lab.resolve("answers/reflection.txt"));
    }

    @AfterAll
    static void stopThePlatform() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void nearIdenticalSubmissionsComeOutOnTopAndAreShownSideBySide() throws Exception {
        HttpResponse<String> tooFew = instructor.postForm(PAGE + "/start", Map.of());
        assertEquals(302, tooFew.statusCode(), tooFew.body());
        assertTrue(instructor.get(PAGE).body().contains("Not started: a similarity check compares at least 2 "
                + "students&#39; submissions, and 0 students have submitted to this lab."), "refused with why");

        submit("student", reference);
        submit("student2", reference.replace("bestA", "topAccuracyA").replace("bestB", "topAccuracyB")
                .replace("runA", "trackedA").replace("runB", "trackedB").replace("learningRate", "rate")
                .replace("epochsWithoutImprovement", "stale"));
        submit("student3", """
                import org.nnlab.api.*;
                public class Solution implements LabSolution {
                    public void train(LabContext ctx) {
                        int x = "this does not compile";
                        for (int i = 0; i < 3; i++) {
                            ctx.log().println("nothing trained " + i);
                        }
                    }
                }
                """);

        HttpResponse<String> started = instructor.postForm(PAGE + "/start", Map.of());
        assertEquals(302, started.statusCode(), started.body());
        String results = awaitFinished();

        Matcher top = PAIR_ROW.matcher(results);
        assertTrue(top.find(), results);
        assertEquals(List.of("student", "student2"), List.of(top.group(1), top.group(2)).stream().sorted().toList());
        assertTrue(Integer.parseInt(top.group(3)) >= 80, "similarity " + top.group(3));
        int pairs = 1;
        while (top.find()) {
            pairs++;
            assertTrue(top.group(1).equals("student3") || top.group(2).equals("student3"), results);
            assertTrue(Integer.parseInt(top.group(3)) < 30, "other pair scores " + top.group(3));
        }
        assertEquals(3, pairs, "the submission that does not compile is compared too: " + results);
        assertEquals(1, PAIR_ROW.matcher(instructor.get(PAGE + "?threshold=80").body()).results().count(),
                "the threshold filters");

        Matcher link = SIDE_LINK.matcher(results);
        assertTrue(link.find(), results);
        String side = instructor.get(link.group(1)).body();
        assertTrue(side.contains("topAccuracyA") && side.contains("bestA"), "both students' code");
        assertTrue(side.contains("List&lt;Regularization&gt;"), "code escaped");
        assertTrue(Pattern.compile("class=\"line match match-0\"").matcher(side).results().count() >= 2,
                "the first match marked on both sides");
    }

    @Test
    void aStudentIsRefusedTheSimilarityPages() throws Exception {
        Browserless student = new Browserless(server.url());
        student.login("student3", PASSWORD);

        assertEquals(403, student.get(PAGE).statusCode());
    }

    @Test
    void aBadThresholdIsRefusedWithTheReason() throws Exception {
        HttpResponse<String> page = instructor.get(PAGE + "?threshold=high");

        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("The threshold is a whole percentage from 0 to 100, not &#39;high&#39;."),
                page.body());
    }

    private static void submit(String student, String source) throws Exception {
        Browserless browser = new Browserless(server.url());
        browser.login(student, PASSWORD);
        browser.awaitPublished(LAB);
        browser.submit(LAB, source, Map.of("answer.reflection", reflection));
    }

    private static String awaitFinished() throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            String page = instructor.get(PAGE).body();
            if (page.contains("<span>finished</span>") || page.contains("<span>failed</span>")) {
                assertTrue(page.contains("<span>finished</span>"), page);
                return page;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the similarity check did not finish in two minutes");
    }
}
