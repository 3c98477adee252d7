package org.nnlab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.nnlab.grader.sandbox.BubblewrapSandbox;
import org.nnlab.grader.sandbox.SandboxProbe;

/**
 * The instructor's side on a real Payara Micro, as one course's story: two students submit, the instructor reads
 * the lab's submissions, scores the manual check by hand, releases the results, grades every submission again and
 * exports the gradebook; and the walls around it: students get 403, forms need their token.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeachingIT {
    private static final String PASSWORD = "teach-password-1";
    private static final String LAB = "digits-regularization";
    private static final String COURSE = "/teach/courses/DL-101";
    private static final String BROKEN = "public class Solution implements org.nnlab.api.LabSolution {\n"
            + "    public void train(org.nnlab.api.LabContext ctx) { int x = \"text\"; }\n}\n";
    private static PayaraMicro server;
    private static Browserless instructor;
    private static String referencePath;
    private static String brokenPath;
    private static String kimSubmission;

    @BeforeAll
    static void startAndLetTwoStudentsSubmit() throws Exception {
        SandboxProbe probe = BubblewrapSandbox.probe();
        Assumptions.assumeTrue(probe.available(), () -> "this machine cannot sandbox: " + probe.problem());
        server = PayaraMicro.start(List.of("-Dnnlab.seed.student.password=" + PASSWORD,
                "-Dnnlab.seed.instructor.password=" + PASSWORD, "-Dnnlab.seed.students=3",
                "-Dnnlab.seed.instructors=2"));
        Path reference = Path.of(System.getProperty("nnlab.labs"), LAB, "reference");
        Browserless student = student("student");
        student.awaitPublished(LAB);
        referencePath = student.submit(LAB, Files.readString(reference.resolve("Solution.java")),
                Map.of("answer.reflection", Files.readString(reference.resolve("answers/reflection.txt"))));
        Browserless other = student("student2");
        brokenPath = other.submit(LAB, BROKEN, Map.of());
        assertEquals(100.0, student.awaitResult(referencePath).get("score").asDouble());
        assertEquals(0.0, other.awaitResult(brokenPath).get("score").asDouble());
        instructor = new Browserless(server.url());
        assertEquals(302, instructor.login("instructor", PASSWORD).statusCode());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theCatalogueOfCheckTypesIsDocumentedForInstructors() throws Exception {
        String page = instructor.get("/teach/checks").body();

        assertTrue(page.contains("<td><code>plateau-schedule</code></td>"), page);
        assertTrue(page.contains("minReductions"), "with its parameters");
        assertEquals(403, student("student").get("/teach/checks").statusCode());
    }

    @Test
    @Order(1)
    void theInstructorSeesTheLabsSubmissionsWithEveryCheckAndCanFilterThem() throws Exception {
        assertTrue(instructor.get("/teach").body().contains("href=\"" + COURSE + "\""));
        String all = instructor.get(COURSE + "/labs/" + LAB).body();
        String onlyStudent2 = instructor.get(COURSE + "/labs/" + LAB + "?student=student2").body();

        assertTrue(all.contains("<td>student</td>") && all.contains("<td>student2</td>"), all);
        assertTrue(all.contains("<th scope=\"col\" title=\"Reflection on the curves (an instructor may review)\">"
                + "reflection</th>"), "a column per check");
        assertTrue(all.contains("href=\"" + referencePath + "\""), "a link to each report");
        assertFalse(onlyStudent2.contains("<td>student</td>"), "filtered by student");
        assertTrue(onlyStudent2.contains("<td>student2</td>"));
        assertFalse(instructor.get(COURSE + "/labs/" + LAB + "?status=FAILED").body().contains("<td>student2</td>"),
                "filtered by status");
    }

    @Test
    @Order(2)
    void aManualScoreAndCommentReachTheStudentOnlyOnceReleased() throws Exception {
        instructor.get(referencePath);
        HttpResponse<String> outOfRange = instructor.postForm("/teach" + referencePath + "/override",
                Map.of("check", "reflection", "points", "11", "comment", ""));
        HttpResponse<String> scored = instructor.postForm("/teach" + referencePath + "/override",
                Map.of("check", "reflection", "points", "7", "comment", "Cite the epoch where B's loss flattens."));

        assertEquals(400, outOfRange.statusCode());
        assertEquals(302, scored.statusCode());
        String page = instructor.get(referencePath).body();
        assertTrue(page.contains("<span id=\"score\">97.0</span>"), "the instructor sees the final score");
        assertTrue(page.contains("Cite the epoch where B&#39;s loss flattens."));
        Browserless student = student("student");
        String before = student.get(referencePath).body();
        assertTrue(before.contains("<span id=\"score\">100.0</span>"), "not released: the automatic score");
        assertFalse(before.contains("Cite the epoch"), "not released: no comment");
        assertFalse(before.contains("Test accuracy"));

        instructor.get(COURSE + "/labs/" + LAB);
        assertEquals(302, instructor.postForm(COURSE + "/labs/" + LAB + "/release", Map.of("released", "true"))
                .statusCode());

        String after = student.get(referencePath).body();
        assertTrue(after.contains("<span id=\"score\">97.0</span>"), "released: the final score");
        assertTrue(after.contains("Cite the epoch where B&#39;s loss flattens."));
        assertTrue(after.contains("Test accuracy"));
        assertTrue(student.get("/").body().contains("<span>97.0</span>"), "the dashboard counts the final score");
    }

    @Test
    @Order(3)
    void gradingEverySubmissionAgainKeepsTheOldResultsAndTheManualScore() throws Exception {
        instructor.get(COURSE + "/labs/" + LAB);
        HttpResponse<String> regraded = instructor.postForm(COURSE + "/labs/" + LAB + "/regrade", Map.of());

        assertEquals(302, regraded.statusCode());
        assertTrue(instructor.get(COURSE + "/labs/" + LAB).body().contains(
                "2 submission(s) queued to be graded again with lab version 1."));
        JsonNode state = instructor.awaitResult(referencePath);
        instructor.awaitResult(brokenPath);
        assertEquals(97.0, state.get("score").asDouble(), "the manual score survives the regrade");
        assertEquals("{\"total\":2,\"done\":2,\"finished\":true}",
                instructor.get(COURSE + "/labs/" + LAB + "/regrade").body(), "the regrade's progress");
        assertTrue(instructor.get(COURSE + "/labs/" + LAB).body().contains("<progress id=\"regrade-bar\" value=\"2\" "
                + "max=\"2\">"), "the progress bar is full");
        String page = instructor.get(referencePath).body();
        assertTrue(page.contains("id=\"past-results\""), "the earlier result is kept");
        assertTrue(page.contains("<td>100.0</td>"), "with its score");
    }

    @Test
    @Order(4)
    void theGradebookExportsOneRowPerStudentWithTheScoresThatCount() throws Exception {
        HttpResponse<String> csv = instructor.get(COURSE + "/gradebook.csv");

        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertEquals(List.of("username,name," + LAB + ",total",
                "student,Demo Student 1,97.00,97.00",
                "student2,Demo Student 2,0.00,0.00",
                "student3,Demo Student 3,,0.00"), lines);
    }

    @Test
    @Order(5)
    void theQueuePageListsNothingStuck() throws Exception {
        String queue = instructor.get("/teach/queue").body();

        assertTrue(queue.contains("<h1>Grading queue</h1>"));
        assertTrue(queue.contains("No job is waiting, running or failed."), queue);
    }

    @Test
    @Order(6)
    void anotherInstructorCreatesACourseEnrolsStudentsAndAssignsTheLabWithALatePolicy() throws Exception {
        Browserless second = new Browserless(server.url());
        second.login("instructor2", PASSWORD);
        second.get("/teach");
        HttpResponse<String> taken = second.postForm("/teach/courses", Map.of("code", "DL-101", "title", "Again"));
        HttpResponse<String> created = second.postForm("/teach/courses", Map.of("code", "ML-201", "title",
                "Machine learning"));
        HttpResponse<String> badFile = second.postMultipart("/teach/courses/ML-201/students.csv", Map.of(),
                Map.of("file", Map.entry("class.csv", "username,name\nnewbie,New Bie\nNot Valid,X\n")));
        HttpResponse<String> file = second.postMultipart("/teach/courses/ML-201/students.csv", Map.of(),
                Map.of("file", Map.entry("class.csv", "username,name\nnewbie,New Bie\n")));
        HttpResponse<String> one = second.postForm("/teach/courses/ML-201/students", Map.of("username", "kim",
                "name", "Kim"));

        assertEquals(400, taken.statusCode());
        assertTrue(taken.body().contains("The course code DL-101 is taken."));
        assertEquals(302, created.statusCode());
        assertEquals(400, badFile.statusCode());
        assertTrue(badFile.body().contains("No one was enrolled; fix these lines first: line 3: &#39;Not Valid&#39;"),
                badFile.body());
        assertEquals(302, file.statusCode());
        assertEquals(302, one.statusCode());
        String course = second.get("/teach/courses/ML-201").body();
        assertTrue(course.contains("1 student(s) enrolled. New accounts (passwords shown only now;"), course);
        assertTrue(course.contains("2 enrolled."));
        String kimPassword = password(course, "kim");
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withSecond(0).withNano(0);
        assertEquals(302, second.postForm("/teach/courses/ML-201/assign", Map.of("lab", LAB, "opensAt",
                now.minusDays(3).toString(), "deadline", now.minusHours(2).toString(), "latePolicy", "refuse"))
                .statusCode());

        Browserless kim = new Browserless(server.url());
        assertEquals(302, kim.login("kim", kimPassword).statusCode());
        kim.get("/labs/" + LAB);
        HttpResponse<String> refused = kim.postMultipart("/labs/" + LAB, Map.of("source", BROKEN), Map.of());
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("this lab accepts no late submission."), refused.body());

        second.get("/teach/courses/ML-201");
        assertEquals(302, second.postForm("/teach/courses/ML-201/assign", Map.of("lab", LAB, "opensAt",
                now.minusDays(3).toString(), "deadline", now.minusHours(2).toString(), "latePolicy", "penalty",
                "penaltyPerDay", "25")).statusCode());
        String late = kim.submit(LAB, BROKEN, Map.of());
        assertTrue(kim.get(late).body().contains("late by 1 day: −25% of the score"));
        kimSubmission = late;
    }

    @Test
    @Order(7)
    void anInstructorSeesNothingOfAnotherCoursesStudents() throws Exception {
        Browserless second = new Browserless(server.url());
        second.login("instructor2", PASSWORD);

        assertEquals(404, second.get(COURSE).statusCode());
        assertEquals(404, second.get(COURSE + "/labs/" + LAB).statusCode());
        assertEquals(404, second.get(COURSE + "/gradebook.csv").statusCode());
        assertEquals(404, second.get(referencePath).statusCode(), "a DL-101 student's submission");
        second.get("/teach");
        assertEquals(404, second.postForm("/teach" + referencePath + "/override", Map.of("check", "reflection",
                "points", "0")).statusCode());
        assertEquals(404, instructor.get("/teach/courses/ML-201").statusCode());
        assertEquals(404, instructor.get(kimSubmission).statusCode(), "an ML-201 student's submission");
        assertFalse(instructor.get("/teach").body().contains("ML-201"));
    }

    @Test
    @Order(8)
    void anUploadedLabIsValidatedAndPublishedOnlyWhenItsSelfTestPasses() throws Exception {
        instructor.get("/teach/labs");
        HttpResponse<String> invalid = instructor.postFile("/teach/labs", "lab", "bad.zip", labZip("digits-bad",
                text -> text.replace("heapMb: 1024", "heapMb: lots"), source -> source));
        HttpResponse<String> failing = instructor.postFile("/teach/labs", "lab", "failing.zip",
                labZip("digits-failing", text -> text, source -> source.replace("new Adam(1e-3)", "new Adam(1e-3")));
        HttpResponse<String> passing = instructor.postFile("/teach/labs", "lab", "passing.zip",
                labZip("digits-copy", text -> text, source -> source));
        HttpResponse<String> notAZip = instructor.postFile("/teach/labs", "lab", "notes.zip",
                "not a zip".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertEquals(400, invalid.statusCode());
        assertTrue(invalid.body().contains("digits-bad/lab.yaml: field &#39;limits.heapMb&#39; must be an integer "
                + "from 64 to 16384"), invalid.body());
        assertEquals(400, notAZip.statusCode());
        assertTrue(notAZip.body().contains("The zip is empty") || notAZip.body().contains("not a valid zip"));
        assertEquals(302, failing.statusCode(), failing.body());
        assertEquals(302, passing.statusCode(), passing.body());
        String labs = awaitSelfTests("digits-failing", "digits-copy");
        assertTrue(revisions(labs, "digits-copy").contains("<span class=\"selftest\">passed</span>"), labs);
        assertTrue(revisions(labs, "digits-failing").contains("<span class=\"selftest\">failed</span>"), labs);
        assertTrue(revisions(labs, "digits-failing").contains("the reference solution gets"), "it says why");

        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withSecond(0).withNano(0);
        instructor.get(COURSE);
        for (String lab : List.of("digits-failing", "digits-copy")) {
            assertEquals(302, instructor.postForm(COURSE + "/assign", Map.of("lab", lab, "opensAt",
                    now.minusDays(1).toString(), "deadline", now.plusDays(7).toString(), "latePolicy", "refuse"))
                    .statusCode());
        }
        Browserless student = student("student");
        assertEquals(404, student.get("/labs/digits-failing").statusCode(), "not published: its self-test failed");
        assertEquals(200, student.get("/labs/digits-copy").statusCode(), "published");
        assertFalse(student.get("/").body().contains("digits-failing"));
    }

    @Test
    @Order(9)
    void aRunningJobRetriedByTheInstructorIsGradedByAnotherWorkerAndStoredOnce() throws Exception {
        Path reference = Path.of(System.getProperty("nnlab.labs"), LAB, "reference");
        Browserless third = student("student3");
        String path = third.submit(LAB, Files.readString(reference.resolve("Solution.java")),
                Map.of("answer.reflection", Files.readString(reference.resolve("answers/reflection.txt"))));
        third.awaitStatus(path, "GRADING", "GRADED", "FAILED");
        java.util.regex.Matcher running = java.util.regex.Pattern.compile("/teach/queue/([0-9a-f-]{36})/retry")
                .matcher(instructor.get("/teach/queue").body());
        assertTrue(running.find(), "the running job can be retried");

        HttpResponse<String> retried = instructor.postForm("/teach/queue/" + running.group(1) + "/retry", Map.of());

        assertEquals(302, retried.statusCode());
        String queue = instructor.get("/teach/queue").body();
        assertTrue(queue.contains("The job&#39;s lease was ended: the next free worker grades it again."), queue);
        JsonNode state = third.awaitResult(path);
        assertEquals("GRADED", state.get("status").asText());
        assertEquals(100.0, state.get("score").asDouble());
        String page = instructor.get(path).body();
        assertTrue(page.contains("<span id=\"attempts\">2</span>"), "graded by the second attempt");
        assertFalse(page.contains("id=\"past-results\""), "one result stored, not two");
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!instructor.get("/teach/queue").body().contains("No job is waiting, running or failed.")) {
            assertTrue(System.nanoTime() < deadline, "the queue empties: no attempt is left running");
            Thread.sleep(1000);
        }
    }

    @Test
    @Order(10)
    void anInstructorGivesAStudentANewPasswordAndTakesThemOutOfTheCourse() throws Exception {
        Browserless second = new Browserless(server.url());
        second.login("instructor2", PASSWORD);
        second.get("/teach/courses/ML-201");

        HttpResponse<String> reset = second.postForm("/teach/courses/ML-201/password", Map.of("username", "kim"));
        HttpResponse<String> stranger = second.postForm("/teach/courses/ML-201/password", Map.of("username",
                "student"));
        String page = second.get("/teach/courses/ML-201").body();
        java.util.regex.Matcher password = java.util.regex.Pattern.compile("New password of kim \\(shown only now; "
                + "they change it on their account page\\): ([A-Za-z0-9]+)\\.").matcher(page);

        assertEquals(302, reset.statusCode());
        assertEquals(400, stranger.statusCode(), "a student of another course");
        assertTrue(stranger.body().contains("&#39;student&#39; is not a student of ML-201."), stranger.body());
        assertTrue(password.find(), page);
        assertEquals(302, new Browserless(server.url()).login("kim", password.group(1)).statusCode());
        assertTrue(second.get("/teach/courses/ML-201/labs/" + LAB).body().contains(kimSubmission));

        HttpResponse<String> removed = second.postForm("/teach/courses/ML-201/unenrol", Map.of("username", "kim"));

        assertEquals(302, removed.statusCode());
        assertTrue(second.get("/teach/courses/ML-201").body().contains("kim is no longer enrolled."));
        assertFalse(second.get("/teach/courses/ML-201/labs/" + LAB).body().contains(kimSubmission));
        assertFalse(second.get("/teach/courses/ML-201/gradebook.csv").body().contains("kim,"));
        assertEquals(404, second.get(kimSubmission).statusCode(), "no longer the instructor's student");
    }

    @Test
    void aStudentGets403OnEveryInstructorPageAndAction() throws Exception {
        Browserless student = student("student");
        student.get("/");

        for (String page : List.of("/teach", COURSE, COURSE + "/labs/" + LAB, COURSE + "/gradebook.csv",
                "/teach/queue")) {
            assertEquals(403, student.get(page).statusCode(), page);
        }
        for (String action : List.of(COURSE + "/labs/" + LAB + "/release", COURSE + "/labs/" + LAB + "/regrade",
                "/teach" + referencePath + "/override", "/teach" + referencePath + "/regrade", COURSE + "/unenrol",
                COURSE + "/password", COURSE + "/students", COURSE + "/assign", "/teach/courses", "/teach/labs")) {
            assertEquals(403, student.postForm(action, Map.of("released", "true", "check", "reflection",
                    "points", "10", "username", "student2")).statusCode(), action);
        }
    }

    @Test
    void anInstructorsFormWithoutItsTokenIsRefused() throws Exception {
        Browserless forged = new Browserless(server.url());
        forged.login("instructor", PASSWORD);
        forged.forgetToken();

        for (String action : List.of("/teach" + referencePath + "/override", "/teach" + referencePath + "/regrade",
                COURSE + "/labs/" + LAB + "/release", COURSE + "/labs/" + LAB + "/regrade", COURSE + "/password",
                COURSE + "/unenrol", COURSE + "/students", COURSE + "/assign", "/teach/courses", "/teach/labs",
                "/teach/queue/" + java.util.UUID.randomUUID() + "/retry", "/account")) {
            assertEquals(403, forged.postForm(action, Map.of("check", "reflection", "points", "0", "released",
                    "false", "username", "student", "code", "FORGED", "title", "Forged")).statusCode(), action);
        }
        assertEquals(403, forged.postMultipart(COURSE + "/students.csv", Map.of(), Map.of("file", Map.entry(
                "class.csv", "username,name\nforged,Forged\n"))).statusCode());
        assertFalse(instructor.get("/teach").body().contains("FORGED"), "no forged course was created");
    }

    /** Waits until both labs' newest revisions finished their self-tests; @return the labs page */
    private static String awaitSelfTests(String... labs) throws Exception {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (true) {
            String page = instructor.get("/teach/labs").body();
            boolean done = java.util.Arrays.stream(labs).allMatch(lab -> revisions(page, lab).matches(
                    "(?s).*?<span class=\"selftest\">(passed|failed)</span>.*"));
            if (done || System.nanoTime() > deadline) {
                return page;
            }
            Thread.sleep(1000);
        }
    }

    /** @return the table of one lab's revisions on the labs page */
    private static String revisions(String page, String lab) {
        int start = page.indexOf("id=\"revisions-" + lab + "\"");
        return start < 0 ? "" : page.substring(start, page.indexOf("</table>", start));
    }

    /** @return the digits lab as a zip under another id, with its lab file and reference edited */
    private static byte[] labZip(String id, java.util.function.UnaryOperator<String> labFile,
                                 java.util.function.UnaryOperator<String> reference) throws java.io.IOException {
        Path source = Path.of(System.getProperty("nnlab.labs"), LAB);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(bytes); var files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = source.relativize(file).toString();
                byte[] content = Files.readAllBytes(file);
                if (name.equals("lab.yaml")) {
                    content = labFile.apply(Files.readString(file).replace("id: " + LAB, "id: " + id))
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                } else if (name.equals("reference/Solution.java")) {
                    content = reference.apply(Files.readString(file)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new java.util.zip.ZipEntry(id + "/" + name));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String password(String page, String username) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(username + " / ([A-Za-z0-9]+)").matcher(page);
        assertTrue(matcher.find(), "the new account's password is shown once");
        return matcher.group(1);
    }

    private static Browserless student(String username) throws Exception {
        Browserless student = new Browserless(server.url());
        assertEquals(302, student.login(username, PASSWORD).statusCode());
        return student;
    }
}
