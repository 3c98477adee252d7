package org.nnlab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.nnlab.grader.reliability.Reliability;
import org.nnlab.grader.sandbox.BubblewrapSandbox;
import org.nnlab.grader.sandbox.SandboxProbe;

/**
 * Bad input to a real platform (the {@link SharedPlatform}, started once for this class and {@link PlatformIT}): each
 * bad upload or form field is refused with the exact status and message the student reads, stores and queues nothing,
 * and keeps what the student typed; and, in {@link WebSecurity}, the walls around forms, sessions and other students'
 * submissions.
 */
@Reliability("bad input")
class BadInputIT {
    private static final String PASSWORD = SharedPlatform.PASSWORD;
    private static final String LAB = SharedPlatform.LAB;
    private static final String FORM = "/labs/" + LAB;
    private static final String TYPED = "My typed reflection, kept.";
    private static final String SOLUTION = "import org.nnlab.api.*;\npublic class Solution implements LabSolution {\n"
            + "    public void train(LabContext ctx) {\n    }\n}\n";
    private static final String BROKEN = SOLUTION.replace("{\n    }", "{\n        int x = \"text\";\n    }");
    private static PayaraMicro server;
    /** The student whose every submission here is refused: nothing of theirs may be stored. */
    private static Browserless student;

    @BeforeAll
    static void startThePlatform() throws Exception {
        SandboxProbe probe = BubblewrapSandbox.probe();
        Assumptions.assumeTrue(probe.available(), () -> "this machine cannot sandbox: " + probe.problem());
        server = SharedPlatform.server();
        student = login("student8");
        student.awaitPublished(LAB);
    }

    @AfterAll
    static void done() {
        SharedPlatform.done(BadInputIT.class);
    }

    @Test
    void aFileOfAnotherTypeIsRefused() throws Exception {
        assertRefused(upload("notes.txt", "not java".getBytes(StandardCharsets.UTF_8)),
                "The file notes.txt is not a Java source: submit .java files, or a .zip of them.");
    }

    @Test
    void aFileNamedLikeAZipThatIsNotOneIsRefused() throws Exception {
        assertRefused(upload("Solution.zip", SOLUTION.getBytes(StandardCharsets.UTF_8)),
                "The file Solution.zip is not a valid zip archive.");
    }

    @Test
    void anOversizedFileIsRefused() throws Exception {
        assertRefused(upload("Solution.java", ("//" + "x".repeat(3 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8)),
                "The file Solution.java has 3072 KiB; uploads are limited to 2048 KiB per file.");
    }

    @Test
    void anUploadBeyondWhatTheFormCanReadIsRefusedWithAMessage() throws Exception {
        HttpResponse<String> refused = upload("Solution.java", new byte[17 * 1024 * 1024]);

        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("The upload is far too large (over 16 MiB), so the form could not be "
                + "read: upload at most 2 MiB per file, and type your answers again."), refused.body());
        assertNothingStored();
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        assertRefused(upload("Solution.java", " \n\n".getBytes(StandardCharsets.UTF_8)),
                "The file Solution.java is empty.");
    }

    @Test
    void aFormWithNeitherFileNorCodeIsRefused() throws Exception {
        student.get(FORM);
        assertRefused(student.postMultipart(FORM, Map.of("answer.reflection", TYPED), Map.of()),
                "Nothing was submitted: upload .java files or a .zip, or paste your Solution into the editor.");
    }

    @Test
    void aZipBombOfHighRatioIsRefusedAfterReadingLittle() throws Exception {
        byte[] bomb = zip(Map.of("Solution.java", new byte[16 * 1024 * 1024]));
        assertTrue(bomb.length < 32 * 1024, "a ratio over 500: " + bomb.length);

        assertRefused(upload("bomb.zip", bomb),
                "The file Solution.java is larger than 256 KiB; a lab solution is much smaller.");
    }

    @Test
    void aNestedZipBombIsRefusedWithoutOpeningTheInnerZip() throws Exception {
        byte[] inner = zip(Map.of("Solution.java", new byte[16 * 1024 * 1024]));
        byte[] outer = zip(Map.of("Solution.java", SOLUTION.getBytes(StandardCharsets.UTF_8), "inner.zip", inner));

        assertRefused(upload("nested.zip", outer),
                "The file inner.zip is not a Java source: submit .java files, or a .zip of them.");
    }

    @Test
    void aZipSlipEntryIsRefused() throws Exception {
        assertRefused(upload("slip.zip", zip(Map.of("../../webapps/Solution.java",
                        SOLUTION.getBytes(StandardCharsets.UTF_8)))),
                "The zip slip.zip has an entry outside its root: ../../webapps/Solution.java. Zip only your .java "
                        + "files.");
    }

    @Test
    void aJavaFileThatIsNotUtf8IsRefused() throws Exception {
        assertRefused(upload("Solution.java", ("// Gr\u00fc\u00dfe\n" + SOLUTION).getBytes(StandardCharsets.ISO_8859_1)),
                "The file Solution.java is not UTF-8 text.");
    }

    @Test
    void aBinaryFileNamedJavaIsRefused() throws Exception {
        byte[] binary = {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 0, 0, 0, 61};
        assertRefused(upload("Solution.java", (SOLUTION + new String(binary, StandardCharsets.ISO_8859_1))
                        .getBytes(StandardCharsets.UTF_8)),
                "The file Solution.java is binary, not Java source text.");
    }

    @Test
    void aZipOfTenThousandFilesIsRefused() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 10_000; i++) {
            files.put("C" + i + ".java", ("class C" + i + " {}").getBytes(StandardCharsets.UTF_8));
        }

        assertRefused(upload("many.zip", zip(files)), "The submission has more than 50 files.");
    }

    @Test
    void aClassInTheHarnessPackageIsRefused() throws Exception {
        byte[] zip = zip(Map.of("Solution.java", SOLUTION.getBytes(StandardCharsets.UTF_8),
                "org/nnlab/harness/train/TrainingMain.java",
                "package org.nnlab.harness.train;\npublic class TrainingMain {}\n".getBytes(StandardCharsets.UTF_8)));

        assertRefused(upload("harness.zip", zip), "The file org/nnlab/harness/train/TrainingMain.java is in the "
                + "package org.nnlab.harness.train, which belongs to nnlab: put your classes in the default package "
                + "or in a package of your own.");
    }

    @Test
    void aClassNamedLikeTheHarnessMainIsTheStudentsOwnAndTheHarnessStillGrades() throws Exception {
        Browserless author = login("student9");
        author.get(FORM);
        byte[] zip = zip(Map.of("Solution.java", SOLUTION.getBytes(StandardCharsets.UTF_8), "TrainingMain.java",
                ("public class TrainingMain {\n    public static void main(String[] args) {\n"
                        + "        System.exit(0);\n    }\n}\n").getBytes(StandardCharsets.UTF_8)));

        HttpResponse<String> accepted = author.postFile(FORM, Map.of(), "files", "solution.zip", zip);

        assertEquals(302, accepted.statusCode(), accepted.body());
        String path = URI.create(accepted.headers().firstValue("Location").orElseThrow()).getPath();
        JsonNode graded = author.awaitResult(path);
        assertEquals("GRADED", graded.get("status").asText(), graded.toString());
        assertTrue(graded.get("error").isNull() && graded.get("runs").isEmpty(), "nnlab's harness ran the no-op "
                + "train(), not the student's TrainingMain, which exits without a result: " + graded);
        assertTrue(author.get(path).body().contains("TrainingMain.java"), "stored as the student's own file");
    }

    @Test
    void aTenMegabyteReflectionIsRefusedAndShownAgainWithTheCode() throws Exception {
        String reflection = "Typed. " + "x".repeat(10 * 1024 * 1024);
        student.get(FORM);

        HttpResponse<String> refused = student.postMultipart(FORM, Map.of("source", SOLUTION, "answer.reflection",
                reflection), Map.of());

        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("The answer &#39;reflection&#39; has " + reflection.length()
                + " characters; at most 3000 are accepted."), refused.body().substring(0, 4000));
        assertTrue(refused.body().contains(reflection), "the reflection is shown again");
        assertTrue(refused.body().contains("public class Solution implements LabSolution"), "the code too");
        assertNothingStored();
    }

    @Test
    void aReflectionAtTheLimitSentWithBrowserLineBreaksIsCountedAsThePageCountsIt() throws Exception {
        Browserless author = login("student10");
        String lines = "A line of the reflection.\n".repeat(200).substring(0, 3000);
        author.get(FORM);

        HttpResponse<String> accepted = author.postMultipart(FORM, Map.of("source", BROKEN, "answer.reflection",
                lines.replace("\n", "\r\n")), Map.of());

        assertEquals(302, accepted.statusCode(), accepted.body());
    }

    @Test
    void aFormThatIsNotMultipartIsReadAsPastedCode() throws Exception {
        student.get(FORM);

        assertRefused(student.postForm(FORM, Map.of("answer.reflection", TYPED)),
                "Nothing was submitted: upload .java files or a .zip, or paste your Solution into the editor.");
    }

    @Test
    void aSubmissionWithoutALabIdIsNotFound() throws Exception {
        student.get(FORM);

        HttpResponse<String> refused = student.postMultipart("/labs/", Map.of("source", SOLUTION), Map.of());

        assertEquals(404, refused.statusCode());
        assertNothingStored();
    }

    @Test
    void aSubmissionToAnUnknownLabIsNotFound() throws Exception {
        student.get(FORM);

        HttpResponse<String> refused = student.postMultipart("/labs/no-such-lab", Map.of("source", SOLUTION),
                Map.of());

        assertEquals(404, refused.statusCode());
        assertNothingStored();
    }

    @Test
    void aSubmissionWithoutTheEntryClassIsRefused() throws Exception {
        student.get(FORM);

        assertRefused(student.postMultipart(FORM, Map.of("source", "class Other {}", "answer.reflection", TYPED),
                Map.of()), "The lab runs the class Solution, but Solution.java does not declare it. It must declare "
                + "public class Solution implements LabSolution.");
    }

    @Test
    void anOversizedNewPasswordIsRefused() throws Exception {
        Browserless author = login("student10");
        author.get("/account");

        HttpResponse<String> refused = author.postForm("/account", Map.of("current", PASSWORD, "password",
                "p".repeat(100_000), "repeated", "p".repeat(100_000)));

        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("The new password must have 10 to 200 characters."), refused.body());
        assertEquals(302, new Browserless(server.url()).login("student10", PASSWORD).statusCode(), "unchanged");
    }

    @Test
    void anOversizedUserNameIsAWrongLogin() throws Exception {
        HttpResponse<String> refused = new Browserless(server.url()).login("u".repeat(100_000), PASSWORD);

        assertEquals(401, refused.statusCode());
        assertTrue(refused.body().contains("The user name or the password is wrong."), refused.body());
    }

    /** A refusal re-shows the form with the message, the reflection typed, and still nothing stored. */
    private static void assertRefused(HttpResponse<String> refused, String message) throws Exception {
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains(message.replace("'", "&#39;")), refused.body());
        assertTrue(refused.body().contains(TYPED), "what was typed is shown again");
        assertNothingStored();
    }

    private static HttpResponse<String> upload(String fileName, byte[] content) throws Exception {
        student.get(FORM);
        return student.postFile(FORM, Map.of("answer.reflection", TYPED), "files", fileName, content);
    }

    /** The refused student's lab page lists no submission, and their dashboard shows no score. */
    private static void assertNothingStored() throws Exception {
        String page = student.get(FORM).body();
        assertFalse(page.contains("id=\"history\""), "no submission was stored");
        assertTrue(page.contains("You can submit " + SharedPlatform.LIMIT + " more times now"), "none counted");
    }

    private static Browserless login(String username) throws Exception {
        Browserless user = new Browserless(server.url());
        assertEquals(302, user.login(username, PASSWORD).statusCode());
        return user;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Forged forms, sessions, and one student's ids used by another. */
    @Nested
    @Reliability("web security")
    class WebSecurity {
        private static final String SECRET = "Victim's own reflection, 7f3a9c.";
        private static String victimPath;

        @BeforeAll
        static void anotherStudentSubmits() throws Exception {
            victimPath = login("student11").submit(LAB, BROKEN, Map.of("answer.reflection", SECRET));
        }

        @Test
        void aSubmissionWithAForgedTokenIsRefusedAndNotStored() throws Exception {
            student.get(FORM);
            student.forgetToken();

            HttpResponse<String> forged = student.postMultipart(FORM, Map.of("source", SOLUTION), Map.of());

            assertEquals(403, forged.statusCode());
            assertNothingStored();
        }

        @Test
        void aPasswordChangeWithAForgedTokenIsRefused() throws Exception {
            Browserless victim = login("student15");
            victim.get("/account");
            victim.forgetToken();

            assertEquals(403, victim.postForm("/account", Map.of("current", PASSWORD, "password", "forged-password-1",
                    "repeated", "forged-password-1")).statusCode());
            assertEquals(302, new Browserless(server.url()).login("student15", PASSWORD).statusCode(), "unchanged");
        }

        @Test
        void aLogoutWithAForgedTokenIsRefused() throws Exception {
            Browserless victim = login("student15");
            victim.forgetToken();

            assertEquals(403, victim.postForm("/logout", Map.of()).statusCode());
            assertEquals(200, victim.get("/").statusCode(), "still logged in");
        }

        @Test
        void aLoginWithoutTheLoginPagesTokenIsRefused() throws Exception {
            Browserless forger = new Browserless(server.url());
            forger.forgetToken();

            assertEquals(403, forger.postForm("/login", Map.of("username", "student15", "password", PASSWORD))
                    .statusCode());
            assertEquals(302, forger.get("/").statusCode(), "not logged in");
        }

        @Test
        void anotherStudentsSubmissionPageAndStateAreNotFound() throws Exception {
            Browserless other = login("student12");

            for (String path : List.of(victimPath, victimPath + "/status", victimPath + "/")) {
                HttpResponse<String> response = other.get(path);
                assertEquals(404, response.statusCode(), path);
                assertFalse(response.body().contains(SECRET) || response.body().contains("int x"), response.body());
            }
        }

        @Test
        void anotherStudentsSubmissionIsNotInOnesHistory() throws Exception {
            String page = login("student12").get(FORM).body();

            assertFalse(page.contains(victimPath), page);
        }

        @Test
        void aStudentCannotUseTheInstructorsFormsOnASubmission() throws Exception {
            Browserless other = login("student12");
            other.get(FORM);

            assertEquals(403, other.postForm("/teach" + victimPath + "/override", Map.of("check", "completes",
                    "points", "10", "comment", "")).statusCode());
            assertEquals(403, other.postForm("/teach" + victimPath + "/regrade", Map.of()).statusCode());
        }

        @Test
        void guessingAPasswordLocksTheAccountForAMinuteEvenForTheRightPassword() throws Exception {
            Browserless guesser = new Browserless(server.url());
            for (int i = 0; i < 5; i++) {
                assertEquals(401, guesser.login("student13", "guess-" + i).statusCode());
            }

            HttpResponse<String> locked = guesser.login("student13", PASSWORD);

            assertEquals(429, locked.statusCode());
            assertTrue(locked.body().contains("Too many failed logins: try again in 1 minute."), locked.body());
            assertTrue(Integer.parseInt(locked.headers().firstValue("Retry-After").orElse("0")) > 50);
            assertEquals(302, new Browserless(server.url()).login("student14", PASSWORD).statusCode(),
                    "another account logs in");
        }

        @Test
        void guessingTheCurrentPasswordOnTheAccountPageLocksTheAccountAsFailedLoginsDo() throws Exception {
            Browserless thief = login("student17");
            thief.get("/account");
            for (int i = 0; i < 5; i++) {
                assertEquals(400, thief.postForm("/account", Map.of("current", "guess-" + i, "password",
                        "stolen-password-1", "repeated", "stolen-password-1")).statusCode());
            }

            HttpResponse<String> locked = thief.postForm("/account", Map.of("current", PASSWORD, "password",
                    "stolen-password-1", "repeated", "stolen-password-1"));

            assertEquals(429, locked.statusCode());
            assertTrue(locked.body().contains("Too many failed attempts: try again in 1 minute."), locked.body());
            assertTrue(locked.headers().firstValue("Retry-After").isPresent());
            assertEquals(429, new Browserless(server.url()).login("student17", PASSWORD).statusCode(),
                    "the login page refuses the account too");
        }

        @Test
        void aLoginGivesTheSessionANewIdSoAFixedOneIsWorthNothing() throws Exception {
            Browserless victim = new Browserless(server.url());
            victim.get("/login");
            String fixed = victim.cookie("JSESSIONID");
            Browserless attacker = new Browserless(server.url()).withCookiesOf(victim);

            assertEquals(302, victim.postForm("/login", Map.of("username", "student14", "password", PASSWORD))
                    .statusCode());

            assertTrue(fixed != null && !fixed.equals(victim.cookie("JSESSIONID")), "a new session id after the login");
            assertEquals(200, victim.get("/").statusCode());
            assertEquals(302, attacker.get("/").statusCode(), "the id known before the login leads to the login page");
        }

        @Test
        void aSessionIsWorthNothingAfterItsLogout() throws Exception {
            Browserless user = login("student14");
            user.get("/");
            Browserless thief = new Browserless(server.url()).withCookiesOf(user);

            assertEquals(302, user.postForm("/logout", Map.of()).statusCode());

            assertEquals(302, thief.get("/").statusCode(), "the stolen id leads to the login page");
        }

        @Test
        void scriptInAReflectionOrASourceIsShownAsTextToTheStudentAndTheInstructor() throws Exception {
            String script = "<script>alert('x')</script><img src=x onerror=alert(1)>";
            Browserless author = login("student15");
            String path = author.submit(LAB, BROKEN.replace("int x", "// " + script + "\n        int x"),
                    Map.of("answer.reflection", "My reflection. " + script));
            Browserless instructor = login("instructor");

            for (Browserless viewer : List.of(author, instructor)) {
                String page = viewer.get(path).body();
                assertFalse(page.contains("<script>alert") || page.contains("<img src=x"), page);
                assertTrue(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x "
                        + "onerror=alert(1)&gt;"), page);
            }
        }
    }
}
