package org.nnlab.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.nnlab.grader.result.CheckResult;
import org.nnlab.grader.result.Diagnosis;
import org.nnlab.grader.result.GradingResult;
import org.nnlab.grader.result.Provenance;
import org.nnlab.worker.postgresql.PostgresServer;

/**
 * The queue on each database the platform runs on, an in-memory H2 database and a real PostgreSQL server (a database
 * of its own for each test), with the columns of the platform's tables that workers use (the platform's integration
 * tests run the same queue on the tables its JPA entities make).
 */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"H2", "PostgreSQL"})
class GradingQueueTest {
    private static final LocalDateTime T0 = LocalDateTime.of(2026, 11, 24, 9, 0);
    private final MutableClock clock = new MutableClock();
    @Parameter
    private String database;
    private String url;
    private GradingQueue queue;
    private Connection keepAlive;

    @BeforeEach
    void makeTheTables() throws Exception {
        url = newDatabase();
        keepAlive = connect(url);
        String text = h2() ? "CLOB" : "TEXT";
        String real = h2() ? "DOUBLE" : "DOUBLE PRECISION";
        try (Statement statement = keepAlive.createStatement()) {
            statement.execute("CREATE TABLE GRADINGJOB (ID VARCHAR(36) PRIMARY KEY, SUBMISSIONID VARCHAR(36) NOT NULL, "
                    + "STATE VARCHAR(16) NOT NULL, QUEUEDAT TIMESTAMP NOT NULL, STARTEDAT TIMESTAMP, LEASEUNTIL "
                    + "TIMESTAMP, WORKER VARCHAR(128), FINISHEDAT TIMESTAMP, ATTEMPTS INT DEFAULT 0 NOT NULL, "
                    + "PROGRESS " + text + ", VERSION BIGINT DEFAULT 0 NOT NULL, GPU VARCHAR(16))");
            statement.execute("CREATE TABLE SUBMISSION (ID VARCHAR(36) PRIMARY KEY, LABID VARCHAR(64), LABVERSION "
                    + "INT, SOURCESJSON " + text + ", ANSWERSJSON " + text + ", STATUS VARCHAR(16), SCORE " + real
                    + ", MAXSCORE " + real + ", ADJUSTEDSCORE " + real + ", GRADINGMILLIS BIGINT, RESULTJSON " + text
                    + ", ERROR " + text + ", GRADEDAT TIMESTAMP)");
            statement.execute("CREATE TABLE CHECKOVERRIDE (ID VARCHAR(36) PRIMARY KEY, SUBMISSIONID VARCHAR(36), "
                    + "CHECKID VARCHAR(64), POINTS " + real + ", AT TIMESTAMP)");
        }
        queue = new GradingQueue(() -> connect(url), Duration.ofSeconds(60), clock);
    }

    @AfterEach
    void dropTheDatabase() throws SQLException {
        keepAlive.close();
    }

    @Test
    void workersClaimTheOldestJobsEachADifferentOne() throws SQLException {
        queued("second", 2);
        queued("first", 1);

        ClaimedJob a = queue.claim("host:1/worker-1", false).orElseThrow();
        ClaimedJob b = queue.claim("host:2/worker-1", false).orElseThrow();

        assertEquals("first", a.submissionId());
        assertEquals("second", b.submissionId());
        assertEquals(1, a.attempt());
        assertEquals(Optional.empty(), queue.claim("host:1/worker-2", false));
        assertEquals("host:1/worker-1", column(a.id(), "WORKER"));
        assertEquals("RUNNING", column(a.id(), "STATE"));
    }

    @Test
    void aJobWhoseLeaseRanOutIsClaimedAgainAndTheDeadAttemptCanNeitherRenewNorStoreAnything() throws SQLException {
        queued("s", 1);
        ClaimedJob dead = queue.claim("host:1/worker-1", false).orElseThrow();
        clock.advance(Duration.ofSeconds(30));
        assertEquals(Optional.empty(), queue.claim("host:2/worker-1", false), "a living lease is not claimed");

        clock.advance(Duration.ofSeconds(31));
        ClaimedJob again = queue.claim("host:2/worker-1", false).orElseThrow();

        assertEquals(2, again.attempt());
        assertFalse(queue.renewLease(dead.id(), dead.attempt()));
        assertFalse(queue.failed(dead, "too late"));
        assertEquals("QUEUED", column("s", "STATUS", "SUBMISSION"));
        assertTrue(queue.graded(again, result(), 1234));
        assertEquals("GRADED", column("s", "STATUS", "SUBMISSION"));
        assertEquals("DONE", column(again.id(), "STATE"));
    }

    @Test
    void aRenewedLeaseKeepsTheJobFromOtherWorkers() {
        queued("s", 1);
        ClaimedJob job = queue.claim("host:1/worker-1", false).orElseThrow();
        clock.advance(Duration.ofSeconds(40));

        assertTrue(queue.renewLease(job.id(), job.attempt()));
        clock.advance(Duration.ofSeconds(40));

        assertEquals(Optional.empty(), queue.claim("host:2/worker-1", false));
    }

    @Test
    void aResultIsStoredWithTheInstructorsNewestOverridesInTheAdjustedScore() throws SQLException {
        queued("s", 1);
        override("s", "curves", 1.0, 1);
        override("s", "curves", 4.25, 2);
        ClaimedJob job = queue.claim("host:1/worker-1", false).orElseThrow();

        assertTrue(queue.graded(job, result(), 1234));

        assertEquals(7.5, ((Number) column("s", "SCORE", "SUBMISSION")).doubleValue());
        assertEquals(9.25, ((Number) column("s", "ADJUSTEDSCORE", "SUBMISSION")).doubleValue());
        assertEquals(1234L, ((Number) column("s", "GRADINGMILLIS", "SUBMISSION")).longValue());
        assertNull(column(job.id(), "LEASEUNTIL"));
        assertTrue(((String) column("s", "RESULTJSON", "SUBMISSION")).contains("\"curves\""));
    }

    @Test
    void aFailureIsStoredWithItsMessage() throws SQLException {
        queued("s", 1);
        ClaimedJob job = queue.claim("host:1/worker-1", false).orElseThrow();

        assertTrue(queue.failed(job, "Solution.java is missing"));

        assertEquals("FAILED", column("s", "STATUS", "SUBMISSION"));
        assertEquals("Solution.java is missing", column("s", "ERROR", "SUBMISSION"));
        assertEquals("FAILED", column(job.id(), "STATE"));
    }

    @Test
    void aRequeuedJobWaitsForTheNextWorkerAndCountsItsAttempts() throws SQLException {
        queued("s", 1);
        ClaimedJob first = queue.claim("host:1/worker-1", false).orElseThrow();
        queue.grading("s");

        assertTrue(queue.requeue(first));

        assertEquals("QUEUED", column("s", "STATUS", "SUBMISSION"));
        assertEquals(2, queue.claim("host:2/worker-1", false).orElseThrow().attempt());
    }

    @Test
    void progressOfAnAttemptThatLostItsJobIsNotRecorded() throws SQLException {
        queued("s", 1);
        ClaimedJob dead = queue.claim("host:1/worker-1", false).orElseThrow();
        queue.progress(dead.id(), dead.attempt(), "{\"stage\":\"training\"}");
        clock.advance(Duration.ofSeconds(61));
        queue.claim("host:2/worker-1", false).orElseThrow();

        queue.progress(dead.id(), dead.attempt(), "{\"stage\":\"evaluating\"}");

        assertEquals("{\"stage\":\"training\"}", column(dead.id(), "PROGRESS"));
    }

    @Test
    void theSubmissionIsReadWithItsSourcesAnswersAndLabRevision() {
        queued("s", 1);

        QueuedSubmission submission = queue.submission("s").orElseThrow();

        assertEquals("digits-regularization", submission.labId());
        assertEquals(3, submission.labRevision());
        assertEquals(Map.of("Solution.java", "class Solution {}"), submission.submission().sources());
        assertEquals(Map.of("reflection", "It overfits."), submission.submission().answers());
        assertEquals(Optional.empty(), queue.submission("gone"));
    }

    @Test
    void manyWorkersClaimingAtOnceEachGetADifferentJobAndEveryJobIsClaimedOnce() throws Exception {
        int jobs = 40;
        for (int i = 0; i < jobs; i++) {
            queued("s" + i, i);
        }
        ExecutorService workers = Executors.newFixedThreadPool(8);
        List<Future<List<String>>> claims = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            String worker = "host:" + w + "/worker-1";
            claims.add(workers.submit(() -> {
                List<String> claimed = new ArrayList<>();
                for (Optional<ClaimedJob> job = queue.claim(worker, false); job.isPresent();
                     job = queue.claim(worker, false)) {
                    claimed.add(job.get().submissionId());
                }
                return claimed;
            }));
        }
        List<String> all = new ArrayList<>();
        for (Future<List<String>> claim : claims) {
            all.addAll(claim.get(60, TimeUnit.SECONDS));
        }
        workers.shutdown();

        assertEquals(jobs, all.size(), "claims: " + all);
        assertEquals(jobs, new HashSet<>(all).size(), "no job claimed twice: " + all);
    }

    @Test
    void aDatabaseWithoutThePlatformsTablesIsReportedAsSuch() throws Exception {
        String bare = newDatabase();
        GradingQueue empty = new GradingQueue(() -> connect(bare), Duration.ofSeconds(60), clock);

        QueueUnavailableException error = assertThrows(QueueUnavailableException.class, empty::verify);

        assertTrue(error.getMessage().contains("the platform makes its tables"), error.getMessage());
        queue.verify();
    }

    @Test
    void whenTheDatabaseCannotBeReachedTheQueueSaysWhatItWasDoing() {
        GradingQueue unreachable = new GradingQueue(() -> {
            throw new SQLException("Connection refused");
        }, Duration.ofSeconds(60), clock);

        QueueUnavailableException error = assertThrows(QueueUnavailableException.class,
                () -> unreachable.claim("host:1/worker-1", false));

        assertEquals("claiming a job: Connection refused", error.getMessage());
    }

    @Test
    void jobsOfLabsWithoutAGpuGoToCpuSlotsOnlyAndThoseQueuedBeforeLabsCouldAskCountAsSuch() {
        queued("cpu", 1, "NONE");
        queued("old", 2, null);

        assertEquals(Optional.empty(), queue.claim("gpu-box/gpu0-worker-1", true));
        assertEquals("cpu", queue.claim("host:1/worker-1", false).orElseThrow().submissionId());
        assertEquals("old", queue.claim("host:1/worker-2", false).orElseThrow().submissionId());
    }

    @Test
    void aJobThatRequiresAGpuWaitsForAGpuSlotHoweverLongItTakes() {
        queued("required", 1, "REQUIRED");
        clock.advance(Duration.ofHours(2));

        assertEquals(Optional.empty(), queue.claim("host:1/worker-1", false));
        assertEquals("required", queue.claim("gpu-box/gpu0-worker-1", true).orElseThrow().submissionId());
    }

    @Test
    void aJobThatPrefersAGpuGoesToAGpuSlotAndToACpuSlotOnlyWhenNoGpuSlotTookItInTime() {
        queued("preferred", 1, "PREFERRED");
        clock.set(T0.plusMinutes(1).plus(GradingQueue.PREFERRED_GPU_WAIT).minusSeconds(1));
        assertEquals(Optional.empty(), queue.claim("host:1/worker-1", false), "a GPU slot may still be free");
        ClaimedJob onGpu = queue.claim("gpu-box/gpu0-worker-1", true).orElseThrow();
        assertEquals("preferred", onGpu.submissionId());

        queued("unlucky", 2, "PREFERRED");
        clock.set(T0.plusMinutes(2));
        assertTrue(queue.renewLease(onGpu.id(), onGpu.attempt()), "the GPU slot is still training the first");
        clock.set(T0.plusMinutes(2).plus(GradingQueue.PREFERRED_GPU_WAIT).plusSeconds(1));
        assertEquals("unlucky", queue.claim("host:1/worker-1", false).orElseThrow().submissionId(),
                "no GPU slot was free: a CPU slot trains it");
    }

    private boolean h2() {
        return "H2".equals(database);
    }

    /** @return the URL of a new, empty database */
    private String newDatabase() throws Exception {
        if (h2()) {
            return "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=LEGACY;DB_CLOSE_DELAY=-1";
        }
        assumeTrue(PostgresServer.binaries().isPresent(),
                "PostgreSQL is not installed here: ./nnlab test installs Debian's postgresql package");
        return PostgresServer.shared().newDatabase("queue_" + UUID.randomUUID().toString().replace("-", ""));
    }

    private Connection connect(String databaseUrl) throws SQLException {
        return h2() ? DriverManager.getConnection(databaseUrl) : PostgresServer.connect(databaseUrl);
    }

    private void queued(String submissionId, int minutes) {
        queued(submissionId, minutes, "NONE");
    }

    private void queued(String submissionId, int minutes, String gpu) {
        execute("INSERT INTO SUBMISSION (ID, LABID, LABVERSION, SOURCESJSON, ANSWERSJSON, STATUS) VALUES ('"
                + submissionId + "', 'digits-regularization', 3, '{\"Solution.java\":\"class Solution {}\"}', "
                + "'{\"reflection\":\"It overfits.\"}', 'QUEUED')");
        execute("INSERT INTO GRADINGJOB (ID, SUBMISSIONID, STATE, QUEUEDAT, GPU) VALUES ('" + UUID.randomUUID()
                + "', '" + submissionId + "', 'QUEUED', TIMESTAMP '" + T0.plusMinutes(minutes).toString().replace('T',
                ' ') + "', " + (gpu == null ? "NULL" : "'" + gpu + "'") + ")");
    }

    private void override(String submissionId, String checkId, double points, int minutes) {
        execute("INSERT INTO CHECKOVERRIDE (ID, SUBMISSIONID, CHECKID, POINTS, AT) VALUES ('" + UUID.randomUUID()
                + "', '" + submissionId + "', '" + checkId + "', " + points + ", TIMESTAMP '"
                + T0.plusMinutes(minutes).toString().replace('T', ' ') + "')");
    }

    private void execute(String sql) {
        try (Statement statement = keepAlive.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object column(String jobId, String column) throws SQLException {
        return column(jobId, column, "GRADINGJOB");
    }

    private Object column(String id, String column, String table) throws SQLException {
        try (Statement statement = keepAlive.createStatement();
             ResultSet row = statement.executeQuery("SELECT " + column + " FROM " + table + " WHERE ID = '" + id
                     + "'")) {
            assertTrue(row.next(), table + " " + id);
            Object value = row.getObject(1);
            return value instanceof java.sql.Clob clob ? clob.getSubString(1, (int) clob.length()) : value;
        }
    }

    private static GradingResult result() {
        return new GradingResult("digits-regularization", 7.5, 10, false, List.of(
                new CheckResult("curves", "Curves", 2.5, 5, false, "one run is missing"),
                new CheckResult("reflection", "Reflection", 5, 5, true, "")), Map.of(), "", Map.of(),
                new Provenance("1", "digits-regularization", 3, "sha", 42, "jdk", "cpu", "none"), List.of(),
                Diagnosis.none());
    }

    /** UTC time that the test moves on. */
    private static final class MutableClock extends Clock {
        private Instant now = T0.plusHours(1).toInstant(ZoneOffset.UTC);

        void advance(Duration by) {
            now = now.plus(by);
        }

        void set(LocalDateTime utc) {
            now = utc.toInstant(ZoneOffset.UTC);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
