package org.nnlab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.nnlab.grader.check.CheckType;
import org.nnlab.grader.reliability.Reliability;
import org.nnlab.grader.reliability.ReliabilityLedger;
import org.nnlab.grader.sandbox.BubblewrapSandbox;
import org.nnlab.grader.sandbox.SandboxProbe;
import org.nnlab.platform.web.DatabaseFailureFilter;
import org.nnlab.worker.postgresql.PostgresServer;

/**
 * Faults injected into a real platform, each a case of the reliability suite: the platform killed with 50
 * submissions queued and running, a sandbox killed mid-run, the database server down for a moment, the database's
 * disk full, and the grader crashing inside one job. The platform grades a two-epoch variant of the digits lab, so
 * that most gradings take seconds. The cases run in order on one platform's data: from its restart after the kill
 * on, the platform reaches its database through an H2 server in a process of its own, which the database cases kill
 * and start again, or leave no room to write. On PostgreSQL ({@code -Dnnlab.it.database=postgresql}: the
 * database-down case in {@code ./nnlab test}, every case in {@code ./nnlab test-postgresql}) the platform runs on a
 * PostgreSQL server of this class's own, which the database-down case kills and starts again (the other test classes
 * of that pass share another server); the disk-full case is H2's only.
 */
@Reliability("faults")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {
    private static final String PASSWORD = "faults-password-1";
    private static final String LAB = "digits-faults";
    private static final String BROKEN = "public class Solution implements org.nnlab.api.LabSolution {\n"
            + "    public void train(org.nnlab.api.LabContext ctx) { int x = \"text\"; }\n}\n";
    private static final String SLEEPER = "public class Solution implements org.nnlab.api.LabSolution {\n"
            + "    public void train(org.nnlab.api.LabContext ctx) throws Exception { Thread.sleep(600_000); }\n}\n";
    private static final Pattern SUBMISSION_LINK = Pattern.compile("href=\"(/submissions/[0-9a-f-]{36})\"");
    private static final Pattern ATTEMPTS = Pattern.compile("<span id=\"attempts\">(\\d+)</span>");
    private static final Path ROOT = Path.of("target", "faults").toAbsolutePath();
    private static PayaraMicro server;
    private static H2Server database;
    private static PostgresServer postgres;

    @BeforeAll
    static void startAPlatformWithTheTwoEpochLab() throws Exception {
        SandboxProbe probe = BubblewrapSandbox.probe();
        Assumptions.assumeTrue(probe.available(), () -> "this machine cannot sandbox: " + probe.problem());
        Files.createDirectories(ROOT);
        List<String> properties = new ArrayList<>(properties());
        if (PayaraMicro.onPostgresql()) {
            postgres = PostgresServer.start(ROOT.resolve("postgresql"));
            properties.addAll(PayaraMicro.postgresql(postgres.newDatabase("nnlab_faults")));
        }
        server = PayaraMicro.start(properties);
        student("student").awaitPublished(LAB);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void aPlatformKilledWithFiftySubmissionsQueuedAndRunningGradesEachExactlyOnceAfterItsRestart() throws Exception {
        Browserless student = student("student2");
        Path reference = Path.of(System.getProperty("nnlab.labs"), "digits-regularization", "reference");
        String solution = Files.readString(reference.resolve("Solution.java"));
        Map<String, String> answers = Map.of("answer.reflection",
                Files.readString(reference.resolve("answers/reflection.txt")));
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            accepted.add(i < 3 ? student.submit(LAB, solution, answers) : student.submit(LAB, BROKEN, Map.of()));
        }

        killAndRestart();

        student = student("student2");
        Set<String> listed = submissionsOnTheLabPage(student);
        Browserless instructor = instructor();
        int lost = 0;
        int retried = 0;
        for (String path : accepted) {
            if (student.get(path + "/status").statusCode() == 404) {
                lost++;
                continue;
            }
            JsonNode state = student.awaitResult(path);
            String page = instructor.get(path).body();
            Matcher attempts = ATTEMPTS.matcher(page);
            boolean once = listed.contains(path) && state.get("status").asText().equals("GRADED")
                    && attempts.find() && !page.contains("id=\"past-results\"");
            lost += once ? 0 : 1;
            retried += once && Integer.parseInt(attempts.group(1)) > 1 ? 1 : 0;
        }
        lost += Math.abs(listed.size() - accepted.size());
        ReliabilityLedger.lost(lost);

        assertEquals(0, lost, "submissions lost, duplicated or not graded; listed " + listed.size());
        assertTrue(retried > 0, "the jobs running when the platform was killed were claimed again");
        awaitAnEmptyQueue(instructor);
    }

    @Test
    @Order(2)
    void aSandboxKilledMidRunEndsItsJobWithAClearMessageInsteadOfLeavingItRunning() throws Exception {
        Browserless student = student("student3");
        String path = student.submit(LAB, SLEEPER, Map.of());
        JsonNode state = student.awaitStatus(path, "GRADING", "GRADED", "FAILED");
        while (!state.get("progress").asText("").startsWith("training") && state.get("status").asText()
                .equals("GRADING")) {
            Thread.sleep(200);
            state = student.awaitStatus(path, "GRADING", "GRADED", "FAILED");
        }
        List<ProcessHandle> sandbox = awaitSandboxProcesses();

        sandbox.forEach(ProcessHandle::destroyForcibly);

        JsonNode result = student.awaitResult(path);
        assertEquals("GRADED", result.get("status").asText(), result.toString());
        assertEquals(0.0, result.get("score").asDouble());
        String page = student.get(path).body();
        assertTrue(page.contains("Training ended without a report (exit code 137): its process was killed (SIGKILL) "
                + "before it finished"), page);
        awaitAnEmptyQueue(instructor());
    }

    @Test
    @Order(3)
    void aSubmissionWhileTheDatabaseIsDownIsRefusedWithAMessageStoresNothingAndIsAcceptedOnceItIsBack()
            throws Exception {
        String typed = "Typed while the database was down.";
        if (postgres != null) {
            assertASubmissionDuringTheFaultIsRefusedAndAcceptedOnceRepaired("student6", typed, postgres::kill,
                    postgres::restart);
            return;
        }
        onAnH2Server();
        assertASubmissionDuringTheFaultIsRefusedAndAcceptedOnceRepaired("student6", typed, () -> database.kill(),
                () -> database = database.restart());
    }

    @Test
    @Order(4)
    void aSubmissionWhileTheDatabaseDiskIsFullIsRefusedWithAMessageStoresNothingAndIsAcceptedOnceThereIsSpace()
            throws Exception {
        Assumptions.assumeTrue(postgres == null, "the disk-full case runs on H2 only: it fills the disk that holds "
                + "the H2 file, and the tests' PostgreSQL server keeps its data on the machine's own disk");
        onAnH2Server();
        assertASubmissionDuringTheFaultIsRefusedAndAcceptedOnceRepaired("student7",
                "Typed while the database disk was full.", () -> database.fillTheDisk(), () -> database.freeTheDisk());
    }

    @Test
    @Order(5)
    void aGraderCrashInsideOneJobFailsOnlyThatJobWhileThePlatformServesAndGradesTheOthers() throws Exception {
        Browserless crashing = student("student4");
        Browserless other = student("student5");
        String crashed = crashing.submit(LAB, BROKEN, Map.of("answer.reflection", "The loss fell.. then it rose."));
        List<String> beside = List.of(other.submit(LAB, BROKEN, Map.of()), other.submit(LAB, BROKEN, Map.of()));

        JsonNode failure = crashing.awaitResult(crashed);

        assertEquals("FAILED", failure.get("status").asText(), failure.toString());
        assertTrue(failure.get("error").asText().startsWith("The grader crashed while grading this submission "
                + "(StackOverflowError in " + SentenceCountCheckType.class.getName() + ".sentences)."),
                failure.toString());
        for (String path : beside) {
            JsonNode graded = other.awaitResult(path);
            assertEquals("GRADED", graded.get("status").asText(), graded.toString());
            assertEquals(0.0, graded.get("score").asDouble());
        }
        assertEquals(200, other.get("/labs/" + LAB).statusCode(), "the platform still serves pages");
        String after = other.submit(LAB, BROKEN, Map.of());
        assertEquals("GRADED", other.awaitResult(after).get("status").asText(), "a job queued after it is graded");
    }

    /**
     * A student submits, with a reflection typed, while the database suffers a fault: the submission is refused with
     * 503, the message and what was typed, stores nothing, and is accepted and graded once the fault is repaired;
     * what was stored before is still there. Submissions lost or stored twice go to the reliability ledger.
     */
    private static void assertASubmissionDuringTheFaultIsRefusedAndAcceptedOnceRepaired(String name, String typed,
            DatabaseChange fault, DatabaseChange repair) throws Exception {
        Set<String> before = submissionsOnTheLabPage(student("student2"));
        Browserless student = student(name);
        student.get("/labs/" + LAB);

        fault.apply();
        HttpResponse<String> refused;
        try {
            refused = student.postMultipart("/labs/" + LAB, Map.of("source", BROKEN, "answer.reflection", typed),
                    Map.of());
        } finally {
            repair.apply();
        }

        assertEquals(503, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains(DatabaseFailureFilter.MESSAGE), refused.body());
        assertTrue(refused.body().contains(typed), "what was typed is shown, not lost");
        assertTrue(refused.headers().firstValue("Retry-After").isPresent());
        String accepted = student.submit(LAB, BROKEN, Map.of("answer.reflection", typed));
        assertEquals("GRADED", student.awaitResult(accepted).get("status").asText());
        Set<String> stored = submissionsOnTheLabPage(student);
        Set<String> after = submissionsOnTheLabPage(student("student2"));
        ReliabilityLedger.lost(Math.abs(stored.size() - 1) + Math.abs(before.size() - after.size()));
        assertEquals(Set.of(accepted), stored, "the refused submission left nothing behind");
        assertEquals(before, after, "what was stored before the fault is still there");
        awaitAnEmptyQueue(instructor());
    }

    /** A fault done to the database server, or its repair. */
    private interface DatabaseChange {
        void apply() throws IOException, InterruptedException;
    }

    /**
     * Kills the platform with its sandboxes, as a crash would, and starts it again on the same data and database; on
     * H2 it reaches its database through an H2 server of its own from then on, so that the database can be down while
     * the platform runs.
     */
    private static void killAndRestart() throws IOException, InterruptedException {
        if (postgres == null) {
            killAndRestartOnADatabaseServer();
            return;
        }
        server.kill();
        server = server.restart(properties());
    }

    /** Puts a platform on H2 onto an H2 server of its own, unless the first case's restart did. */
    private static void onAnH2Server() throws IOException, InterruptedException {
        if (database == null) {
            killAndRestartOnADatabaseServer();
        }
    }

    private static void killAndRestartOnADatabaseServer() throws IOException, InterruptedException {
        server.kill();
        database = H2Server.start(server.data(), PayaraMicro.freePort());
        List<String> properties = new ArrayList<>(properties());
        properties.add("-Dnnlab.db.url=" + database.url());
        server = server.restart(properties);
    }

    private static List<String> properties() throws IOException {
        return List.of("-Dnnlab.seed.student.password=" + PASSWORD, "-Dnnlab.seed.instructor.password=" + PASSWORD,
                "-Dnnlab.seed.students=7", "-Dnnlab.labs.dir=" + twoEpochLab(), "-Dnnlab.checks.dir="
                        + checkExtensions(), "-Dnnlab.grading.workers=2", "-Dnnlab.grading.lease.seconds=15");
    }

    /**
     * @return a labs folder holding the digits lab cut to two epochs, checked by a few checks that need no
     *     convergence, and by the extension check type that crashes on some answers
     */
    private static Path twoEpochLab() throws IOException {
        Path source = Path.of(System.getProperty("nnlab.labs"), "digits-regularization");
        Path lab = ROOT.resolve("labs").resolve(LAB);
        for (String file : List.of("instructions.md", "starter/Solution.java", "reference/Solution.java",
                "reference/answers/reflection.txt")) {
            Files.createDirectories(lab.resolve(file).getParent());
            Files.copy(source.resolve(file), lab.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(lab.resolve("lab.yaml"), """
                id: digits-faults
                version: 1
                title: "Digits in two epochs, for the fault tests"
                dataset: digits
                split: {train: 0.70, validation: 0.15, test: 0.15, seed: 42}
                scaling: max
                entryClass: Solution
                instructions: instructions.md
                starter: starter
                reference: reference
                parameters: {epochs: 2, batchSize: 32, patience: 3, factor: 0.5}
                limits: {wallSeconds: 120, cpuSeconds: 240, memoryMb: 3072, heapMb: 1024, processes: 256, cpus: 1,
                         outputKb: 256}
                runs: [A, B]
                submissions: {limit: 100, windowMinutes: 60, counts: best}
                answers:
                  - {id: reflection, title: Reflection, prompt: "A few sentences on the curves.", maxChars: 3000}
                checks:
                  - {id: completes, type: completes, title: The code compiles and train() completes, points: 10}
                  - {id: curves, type: curves, title: Both runs record their curves, points: 10,
                     params: {runs: [A, B]}}
                  - {id: regularization-B, type: regularization, title: "Model B: weight decay and dropout",
                     points: 10, params: {run: B, weightDecay: 0.0001, dropProbability: 0.2}}
                  - {id: sentences, type: sentence-count, title: The reflection has sentences, points: 5,
                     params: {answer: reflection, min: 2}}
                """);
        return lab.getParent();
    }

    /** @return a folder holding a check extension jar with {@link SentenceCountCheckType} */
    private static Path checkExtensions() throws IOException {
        Path folder = Files.createDirectories(ROOT.resolve("checks"));
        String type = SentenceCountCheckType.class.getName();
        String classFile = type.replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(folder.resolve("sentence-count.jar"));
             JarOutputStream jar = new JarOutputStream(file);
             var bytes = FaultsIT.class.getClassLoader().getResourceAsStream(classFile)) {
            jar.putNextEntry(new JarEntry("META-INF/services/" + CheckType.class.getName()));
            jar.write((type + "\n").getBytes(StandardCharsets.UTF_8));
            jar.putNextEntry(new JarEntry(classFile));
            bytes.transferTo(jar);
        }
        return folder;
    }

    private static Browserless student(String name) throws IOException, InterruptedException {
        Browserless student = new Browserless(server.url());
        assertEquals(302, student.login(name, PASSWORD).statusCode(), name + " logs in");
        return student;
    }

    private static Browserless instructor() throws IOException, InterruptedException {
        return student("instructor");
    }

    /** @return the paths of the submissions the student's lab page lists */
    private static Set<String> submissionsOnTheLabPage(Browserless student) throws IOException, InterruptedException {
        Set<String> paths = new LinkedHashSet<>();
        Matcher links = SUBMISSION_LINK.matcher(student.get("/labs/" + LAB).body());
        while (links.find()) {
            paths.add(links.group(1));
        }
        return paths;
    }

    /** @return the platform's sandbox processes, once there are some; fails after two minutes */
    private static List<ProcessHandle> awaitSandboxProcesses() throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<ProcessHandle> sandbox = server.sandboxProcesses();
            if (!sandbox.isEmpty()) {
                return sandbox;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no sandbox process of the platform appeared");
    }

    /** Waits until the queue page lists no job waiting, running or failed; fails after two minutes. */
    private static void awaitAnEmptyQueue(Browserless instructor) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        String queue = instructor.get("/teach/queue").body();
        while (!queue.contains("No job is waiting, running or failed.")) {
            assertTrue(System.nanoTime() < deadline, "the queue empties; it shows\n" + queue);
            Thread.sleep(1000);
            queue = instructor.get("/teach/queue").body();
        }
        assertFalse(queue.contains("/retry"));
    }
}
