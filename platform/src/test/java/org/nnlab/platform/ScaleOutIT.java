package org.nnlab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nnlab.grader.sandbox.BubblewrapSandbox;
import org.nnlab.grader.sandbox.SandboxProbe;
import org.nnlab.worker.lab.LabStore;
import org.nnlab.worker.postgresql.PostgresServer;

/**
 * Two platform instances and two grading workers of their own on one PostgreSQL database, as four machines of a
 * scaled-out deployment would run them. The instances start at the same moment, as replicas do, with no workers of
 * their own ({@code nnlab.grading.workers=0}): they store the lab and the demo course once, students submit through
 * both, and either instance shows what the other stored. The workers ({@code ./nnlab worker}'s class, each with its
 * own data folder) grade everything: the lab's self-test, a submission whose training sleeps for 15 s, during which
 * the worker grading it is killed (the other finishes it once the lease ran out), and
 * {@code nnlab.scaleout.submissions} more (24 in
 * {@code ./nnlab test}, 100 in {@code ./nnlab test-postgresql}), each exactly once. The first instance's copy of the
 * lab is deleted once both run: the lab's files come from the database.
 *
 * <p>The two are clustered on loopback (Payara Micro's data grid replicates the web sessions) and stand behind a
 * round-robin balancer without stickiness, so that one user's requests land on both in turn: the login, its
 * session, form tokens and the logout hold whichever instance answers.
 */
class ScaleOutIT {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private static final String PASSWORD = "scale-out-password-1";
    private static final String LAB = "digits-regularization";
    private static final int SUBMISSIONS = Integer.getInteger("nnlab.scaleout.submissions", 24);
    /** Students who submit: at most 8 submissions each, within the lab's 10 an hour; three more are seeded. */
    private static final int STUDENTS = Math.max(8, (SUBMISSIONS + 7) / 8);
    private static final int SEEDED = STUDENTS + 3;
    /** The three students of the session tests, who submit nothing. */
    private static final String BROWSING = "student" + (STUDENTS + 1);
    private static final String CHANGING = "student" + (STUDENTS + 2);
    private static final String LEAVING = "student" + (STUDENTS + 3);
    /** The workers' lease: short, so that the killed worker's job comes back soon. */
    private static final int LEASE_SECONDS = 6;
    private static final String BROKEN = "public class Solution implements org.nnlab.api.LabSolution {\n"
            + "    public void train(org.nnlab.api.LabContext ctx) { int x = \"text\"; }\n}\n";
    /** A submission whose training takes 15 s of wall time and no CPU: long enough to kill its worker meanwhile. */
    private static final String SLOW = "public class Solution implements org.nnlab.api.LabSolution {\n"
            + "    public void train(org.nnlab.api.LabContext ctx) throws Exception { Thread.sleep(15_000); }\n}\n";
    private static PostgresServer postgres;
    private static String databaseUrl;
    private static PayaraMicro first;
    private static PayaraMicro second;
    private static final List<StandaloneWorker> WORKERS = new ArrayList<>();
    private static RoundRobinBalancer balancer;

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() throws Exception {
        SandboxProbe probe = BubblewrapSandbox.probe();
        Assumptions.assumeTrue(probe.available(), () -> "this machine cannot sandbox: " + probe.problem());
        postgres = PostgresServer.shared();
        databaseUrl = postgres.newDatabase("nnlab_scale_out");
        List<String> properties = new ArrayList<>(PayaraMicro.postgresql(databaseUrl));
        properties.addAll(List.of("-Dnnlab.seed.student.password=" + PASSWORD, "-Dnnlab.seed.instructor.password="
                + PASSWORD, "-Dnnlab.seed.students=" + SEEDED, "-Dnnlab.grading.workers=0"));
        List<Integer> grid = List.of(PayaraMicro.freePort(), PayaraMicro.freePort());
        String cluster = "nnlab-it-" + grid.get(0);
        ExecutorService starting = Executors.newFixedThreadPool(2);
        try {
            Future<PayaraMicro> one = starting.submit(() -> PayaraMicro.start(properties,
                    PayaraMicro.clusterMember(cluster, grid, 0)));
            Future<PayaraMicro> two = starting.submit(() -> PayaraMicro.start(properties,
                    PayaraMicro.clusterMember(cluster, grid, 1)));
            try {
                first = one.get();
            } finally {
                second = two.get();
            }
        } finally {
            starting.shutdown();
        }
        Map<String, String> database = Map.of("NNLAB_DB_URL", databaseUrl, "NNLAB_DB_USER",
                PostgresServer.USER, "NNLAB_DB_PASSWORD", PostgresServer.PASSWORD);
        for (String name : List.of("worker-a", "worker-b")) {
            WORKERS.add(StandaloneWorker.start(name, database, List.of("--slots", "2", "--lease-seconds",
                    String.valueOf(LEASE_SECONDS))));
        }
        login(first, "student").awaitPublished(LAB);
        LabStore.deleteTree(first.data().resolve("labs"));
        balancer = RoundRobinBalancer.start(List.of(first.url(), second.url()));
    }

    @AfterAll
    static void stop() {
        if (balancer != null) {
            balancer.close();
        }
        for (PayaraMicro instance : new PayaraMicro[] {first, second}) {
            if (instance != null) {
                instance.close();
            }
        }
        WORKERS.forEach(StandaloneWorker::close);
    }

    @Test
    void submissionsThroughBothInstancesAreEachGradedExactlyOnceAndAKilledWorkersJobIsFinishedByTheOther()
            throws Exception {
        List<Browserless> onFirst = new ArrayList<>();
        List<Browserless> onSecond = new ArrayList<>();
        for (int i = 1; i <= STUDENTS; i++) {
            onFirst.add(login(first, i == 1 ? "student" : "student" + i));
            onSecond.add(login(second, i == 1 ? "student" : "student" + i));
        }
        String training = onFirst.get(0).submit(LAB, SLOW, Map.of());
        String trainingId = training.substring(training.lastIndexOf('/') + 1);
        StandaloneWorker killed = workerTraining(trainingId);
        killed.kill();
        StandaloneWorker survivor = WORKERS.stream().filter(w -> w != killed).findFirst().orElseThrow();

        List<String> submitted = new ArrayList<>();
        List<Browserless> readers = new ArrayList<>();
        for (int i = 0; i < SUBMISSIONS; i++) {
            boolean throughFirst = i % 2 == 0;
            int student = i % STUDENTS;
            submitted.add((throughFirst ? onFirst : onSecond).get(student).submit(LAB, BROKEN, Map.of()));
            readers.add((throughFirst ? onSecond : onFirst).get(student));
        }

        for (int i = 0; i < SUBMISSIONS; i++) {
            JsonNode result = readers.get(i).awaitResult(submitted.get(i));
            assertEquals("GRADED", result.get("status").asText(), "read through the other instance: " + result);
        }
        JsonNode trained = onSecond.get(0).awaitResult(training);
        assertEquals("GRADED", trained.get("status").asText(), trained.toString());
        try (Connection connection = PostgresServer.connect(databaseUrl);
             Statement statement = connection.createStatement()) {
            assertEquals(List.of("1 DONE 2 " + survivor.name() + " GRADED"), rows(statement, "SELECT "
                    + "COUNT(j.ID), MIN(j.STATE), MAX(j.ATTEMPTS), MIN(SUBSTRING(j.WORKER FROM 1 FOR "
                    + "POSITION('/' IN j.WORKER) - 1)), MIN(s.STATUS) FROM GRADINGJOB j JOIN SUBMISSION s ON s.ID = "
                    + "j.SUBMISSIONID WHERE s.ID = '" + trainingId + "'"),
                    "the killed worker's job: claimed again once its lease ran out, and graded by the other");
            ResultSet jobs = statement.executeQuery("SELECT s.ID, COUNT(j.ID), MIN(j.STATE), MAX(j.ATTEMPTS), "
                    + "MIN(j.WORKER) FROM SUBMISSION s JOIN GRADINGJOB j ON j.SUBMISSIONID = s.ID WHERE s.LABID = '"
                    + LAB + "' AND s.AUTHOR_ID IS NOT NULL GROUP BY s.ID");
            int graded = 0;
            while (jobs.next()) {
                if (submitted.contains("/submissions/" + jobs.getString(1))) {
                    graded++;
                    assertEquals(1, jobs.getInt(2), "one job per submission");
                    assertEquals("DONE", jobs.getString(3));
                    assertEquals(1, jobs.getInt(4), "claimed once");
                    assertTrue(jobs.getString(5).startsWith(survivor.name() + "/"), jobs.getString(5));
                }
            }
            assertEquals(SUBMISSIONS, graded);
        }
    }

    /** @return the worker that is training this submission, once its training sandbox runs */
    private static StandaloneWorker workerTraining(String submissionId) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(3);
        try (Connection connection = PostgresServer.connect(databaseUrl);
             Statement statement = connection.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet job = statement.executeQuery("SELECT WORKER, PROGRESS FROM GRADINGJOB WHERE "
                        + "SUBMISSIONID = '" + submissionId + "' AND STATE = 'RUNNING'")) {
                    if (job.next() && job.getString(2) != null
                            && JSON.readTree(job.getString(2)).path("stage").asText().equals("training")) {
                        String worker = job.getString(1);
                        return WORKERS.stream().filter(w -> worker.startsWith(w.name() + "/")).findFirst()
                                .orElseThrow(() -> new AssertionError("no worker of this test claimed it: " + worker));
                    }
                }
                Thread.sleep(200);
            }
        }
        throw new AssertionError("no worker trained submission " + submissionId + " within 3 minutes");
    }

    @Test
    void instancesStartedTogetherStoreTheLabOnceSelfTestItOnceAndSeedTheDemoCourseOnce() throws Exception {
        try (Connection connection = PostgresServer.connect(databaseUrl);
             Statement statement = connection.createStatement()) {
            assertEquals(List.of(LAB + " 1"), rows(statement, "SELECT LABID, REVISION FROM LABREVISION"));
            assertEquals(List.of("1"), rows(statement, "SELECT COUNT(*) FROM REVISIONARCHIVE"));
            assertEquals(List.of(LAB + " 1 2 2"), rows(statement, "SELECT s.LABID, s.LABVERSION, COUNT(DISTINCT s.ID), "
                    + "COUNT(j.ID) FROM SUBMISSION s JOIN USER_ACCOUNT a ON a.ID = s.AUTHOR_ID JOIN GRADINGJOB j "
                    + "ON j.SUBMISSIONID = s.ID WHERE a.USERNAME = 'nnlab-selftest' GROUP BY s.LABID, s.LABVERSION"),
                    "one self-test, its reference and its starter, each queued once");
            assertEquals(List.of("DL-101 " + (SEEDED + 1)), rows(statement, "SELECT c.CODE, COUNT(e.ID) FROM "
                    + "COURSE c JOIN ENROLLMENT e ON e.COURSE_ID = c.ID GROUP BY c.CODE"));
            assertEquals(List.of(Integer.toString(SEEDED + 2)), rows(statement, "SELECT COUNT(*) FROM USER_ACCOUNT"),
                    "the instructor, the students and the self-test account");
        }
    }

    @Test
    void bothInstancesShowTheLabAndHandOutItsStarterThoughTheFirstLostItsCopy() throws Exception {
        String starter = Files.readString(Path.of(System.getProperty("nnlab.labs"), LAB, "starter", "Solution.java"));
        for (PayaraMicro instance : List.of(first, second)) {
            Browserless student = login(instance, "student");

            HttpResponse<String> page = student.get("/labs/" + LAB);
            HttpResponse<byte[]> kit = student.download("/labs/" + LAB + "/kit");

            assertEquals(200, page.statusCode(), instance.url());
            assertTrue(page.body().contains("Train two multilayer perceptrons"), "the instructions: " + page.body());
            assertEquals(200, kit.statusCode(), instance.url());
            assertEquals(starter, kitEntry(kit.body(), LAB + "-kit/src/main/java/Solution.java"));
        }
        assertEquals(LabStore.checksum(Path.of(System.getProperty("nnlab.labs"), LAB)),
                LabStore.checksum(first.data().resolve("labs").resolve(LAB).resolve("1")),
                "the first instance unpacked the lab again from the database");
    }

    @Test
    void aStudentLoggedInThroughTheBalancerStaysLoggedInWhicheverInstanceAnswers() throws Exception {
        Browserless student = new Browserless(balancer.url());
        List<Integer> before = balancer.served();

        assertEquals(302, student.login(BROWSING, PASSWORD).statusCode(), "the login page came from one "
                + "instance, the login went to the other");
        for (int i = 0; i < 8; i++) {
            HttpResponse<String> page = student.get("/account");
            assertEquals(200, page.statusCode(), "request " + i + " after the login");
            assertTrue(page.body().contains(BROWSING), page.body());
        }

        List<Integer> after = balancer.served();
        for (int instance = 0; instance < after.size(); instance++) {
            assertTrue(after.get(instance) - before.get(instance) >= 4, "each instance answered: " + after);
        }
        assertTrue(student.cookieHeader().contains("JSESSIONIDVERSION="), "the data grid's version of the "
                + "replicated session: " + student.cookieHeader());
    }

    @Test
    void aFormWhoseTokenOneInstanceIssuedIsAcceptedByTheOther() throws Exception {
        Browserless student = new Browserless(balancer.url());
        assertEquals(302, student.login(CHANGING, PASSWORD).statusCode());
        student.get("/account");

        HttpResponse<String> changed = student.postForm("/account", Map.of("current", PASSWORD, "password",
                "scale-out-password-2", "repeated", "scale-out-password-2"));

        assertEquals(302, changed.statusCode(), changed.body());
        assertTrue(changed.headers().firstValue("Location").orElseThrow().endsWith("/account?password=changed"));
        assertEquals(302, new Browserless(balancer.url()).login(CHANGING, "scale-out-password-2").statusCode(),
                "the new password holds on either instance");
    }

    @Test
    void aLogoutThroughOneInstanceEndsTheSessionOnBoth() throws Exception {
        Browserless student = new Browserless(balancer.url());
        assertEquals(302, student.login(LEAVING, PASSWORD).statusCode());
        List<Browserless> stolen = List.of(new Browserless(first.url()).withCookiesOf(student),
                new Browserless(second.url()).withCookiesOf(student));
        for (Browserless thief : stolen) {
            assertEquals(200, thief.get("/account").statusCode(), "the session holds on each instance");
        }
        student.get("/account");

        assertEquals(302, student.postForm("/logout", Map.of()).statusCode());

        for (Browserless thief : stolen) {
            HttpResponse<String> page = thief.get("/account");
            assertEquals(302, page.statusCode(), "the ended session is refused on every instance");
            assertTrue(page.headers().firstValue("Location").orElseThrow().contains("/login"));
        }
    }

    private static List<String> rows(Statement statement, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery(query)) {
            while (result.next()) {
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    columns.add(result.getString(i));
                }
                rows.add(String.join(" ", columns));
            }
        }
        return rows;
    }

    private static String kitEntry(byte[] kit, String name) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(kit))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("the kit holds no " + name);
    }

    private static Browserless login(PayaraMicro instance, String name) throws Exception {
        Browserless user = new Browserless(instance.url());
        assertEquals(302, user.login(name, PASSWORD).statusCode(), name + " logs in");
        return user;
    }
}
