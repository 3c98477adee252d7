package org.nnlab.worker;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nnlab.grader.result.GradingResult;
import org.nnlab.grader.result.ResultJson;
import org.nnlab.grader.submission.Submission;

/**
 * The grading queue as workers use it, over JDBC on the platform's tables ({@code GRADINGJOB}, {@code SUBMISSION},
 * {@code CHECKOVERRIDE}; the platform makes them at its first start), so that workers in the platform and workers
 * on other machines share one queue. A worker claims the oldest job that is queued, or running with an expired
 * lease, with one conditional update on the job's version: two workers never claim the same job. Which jobs a
 * slot may claim depends on whether it trains on a GPU and whether the job's lab wants one ({@link #claim}). On
 * PostgreSQL the candidate is first locked with {@code FOR UPDATE SKIP LOCKED}, so that concurrent workers each lock
 * a different job instead of racing for the oldest (H2 applies {@code LIMIT} before skipping locked rows, so it keeps
 * the conditional update alone, over the oldest few). Only the attempt that still holds a job stores its outcome, in
 * the transaction that ends the job. Times are UTC, as the platform writes them.
 */
public final class GradingQueue {
    private static final int CANDIDATES = 5;
    private static final String CLAIMABLE = "(STATE = 'QUEUED' OR (STATE = 'RUNNING' AND LEASEUNTIL < ?))";
    /** What a CPU slot takes: jobs of labs without a GPU, and those preferring one that no GPU slot took in time. */
    private static final String FOR_CPU =
            " AND (COALESCE(GPU, 'NONE') = 'NONE' OR (GPU = 'PREFERRED' AND QUEUEDAT < ?))";
    /** What a GPU slot takes: jobs of labs that prefer or require a GPU. */
    private static final String FOR_GPU = " AND GPU IN ('PREFERRED', 'REQUIRED')";
    /**
     * How long a job that prefers a GPU waits for a GPU slot before CPU slots may take it: GPU slots look for work
     * every second, so one still waiting after this had none free.
     */
    static final Duration PREFERRED_GPU_WAIT = Duration.ofSeconds(5);
    private final ConnectionSource database;
    private final Duration lease;
    private final Clock clock;

    /**
     * @param database where the queue is
     * @param lease    how long a claimed job's lease runs before another worker may claim it, unless renewed
     * @param clock    UTC time
     */
    public GradingQueue(ConnectionSource database, Duration lease, Clock clock) {
        this.database = database;
        this.lease = lease;
        this.clock = clock;
    }

    /** @return how long a claimed job's lease runs, unless renewed */
    public Duration lease() {
        return lease;
    }

    /**
     * Checks that the database is reachable and holds the platform's tables.
     *
     * @throws QueueUnavailableException saying what is wrong
     */
    public void verify() {
        try (Connection connection = database.open();
             PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM GRADINGJOB WHERE 1 = 0");
             ResultSet ignored = statement.executeQuery()) {
            // reachable, and the table is there
        } catch (SQLException e) {
            throw new QueueUnavailableException("the grading queue cannot be read (the platform makes its tables at "
                    + "its first start against this database)", e);
        }
    }

    /**
     * Claims the oldest job a slot of this kind may grade: a CPU slot takes jobs of labs without a GPU, and jobs of
     * labs that prefer one once they waited {@link #PREFERRED_GPU_WAIT} (no GPU slot was free); a GPU slot takes
     * jobs of labs that prefer or require a GPU. A job that requires one waits for a GPU slot.
     *
     * @param worker the slot's name, recorded in the job
     * @param gpu    whether the slot trains on a GPU
     * @return the job claimed, if one was waiting
     */
    public Optional<ClaimedJob> claim(String worker, boolean gpu) {
        return inTransaction("claiming a job", connection -> {
            LocalDateTime now = now();
            boolean skipsLocked = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            List<Candidate> candidates = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT ID, VERSION, SUBMISSIONID, ATTEMPTS "
                    + "FROM GRADINGJOB WHERE "
                    + CLAIMABLE + (gpu ? FOR_GPU : FOR_CPU) + " ORDER BY QUEUEDAT " + (skipsLocked
                    ? "LIMIT 1 FOR UPDATE SKIP LOCKED" : "LIMIT " + CANDIDATES))) {
                select.setObject(1, now);
                if (!gpu) {
                    select.setObject(2, now.minus(PREFERRED_GPU_WAIT));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        candidates.add(new Candidate(rows.getString(1), rows.getLong(2), rows.getString(3),
                                rows.getInt(4)));
                    }
                }
            }
            for (Candidate candidate : candidates) {
                // the version guard means the row is as read: the claim is its next attempt
                if (update(connection, "UPDATE GRADINGJOB SET STATE = 'RUNNING', WORKER = ?, STARTEDAT = ?, "
                        + "LEASEUNTIL = ?, ATTEMPTS = ATTEMPTS + 1, VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ?",
                        worker, now, now.plus(lease), candidate.id(), candidate.version()) == 1) {
                    return Optional.of(new ClaimedJob(candidate.id(), candidate.submissionId(),
                            candidate.attempts() + 1));
                }
            }
            return Optional.empty();
        });
    }

    /**
     * Extends the lease of a job that the given attempt is still grading, so that a job is claimed again only when
     * its worker stopped renewing (it died). A lease that already ended (an instructor's retry, or a renewal that
     * came too late) is not revived: the job is then another attempt's to claim.
     *
     * @return whether the attempt still held an unexpired lease, now extended
     */
    public boolean renewLease(String jobId, int attempt) {
        LocalDateTime now = now();
        return inTransaction("renewing a lease", connection -> update(connection, "UPDATE GRADINGJOB SET LEASEUNTIL "
                + "= ?, VERSION = VERSION + 1 WHERE ID = ? AND ATTEMPTS = ? AND STATE = 'RUNNING' AND LEASEUNTIL >= ?",
                now.plus(lease), jobId, attempt, now) == 1);
    }

    /** Records what a running job is doing, for the submission page, unless another attempt holds it now. */
    public void progress(String jobId, int attempt, String progress) {
        inTransaction("recording progress", connection -> update(connection, "UPDATE GRADINGJOB SET PROGRESS = ? "
                + "WHERE ID = ? AND ATTEMPTS = ? AND STATE = 'RUNNING'", progress, jobId, attempt));
    }

    /** @return the stored submission, or none when it is gone */
    public Optional<QueuedSubmission> submission(String submissionId) {
        return inTransaction("reading a submission", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT LABID, LABVERSION, SOURCESJSON, "
                    + "ANSWERSJSON FROM SUBMISSION WHERE ID = ?")) {
                select.setString(1, submissionId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new QueuedSubmission(submissionId, row.getString(1), row.getInt(2),
                            new Submission(StoredTexts.read(row.getString(3)), StoredTexts.read(row.getString(4)))));
                }
            }
        });
    }

    /** Marks a submission as being graded, for its page. */
    public void grading(String submissionId) {
        inTransaction("marking a submission as being graded", connection -> update(connection,
                "UPDATE SUBMISSION SET STATUS = 'GRADING' WHERE ID = ?", submissionId));
    }

    /**
     * Stores a submission's result, with the instructor's overrides applied to its score, and marks its job done, if
     * the attempt that graded it still holds it. An attempt whose lease was ended (by an instructor's retry, or
     * because it ran past it) and whose job another worker claimed since records nothing: only one attempt's result
     * is ever stored.
     *
     * @param millis how long grading took
     * @return whether the attempt still held the job, so that its result was stored
     */
    public boolean graded(ClaimedJob job, GradingResult result, long millis) {
        String json;
        try {
            json = ResultJson.write(result);
        } catch (IOException e) {
            throw new IllegalStateException("a result always serializes", e);
        }
        return settle(job, "DONE", connection -> {
            Map<String, Double> overrides = overrides(connection, job.submissionId());
            update(connection, "UPDATE SUBMISSION SET STATUS = 'GRADED', SCORE = ?, MAXSCORE = ?, RESULTJSON = ?, "
                    + "GRADEDAT = ?, ERROR = NULL, GRADINGMILLIS = ?, ADJUSTEDSCORE = ? WHERE ID = ?", result.score(),
                    result.maxScore(), json, now(), millis, overrides.isEmpty() ? null : result.scoreWith(overrides),
                    job.submissionId());
            return null;
        });
    }

    /**
     * Marks a submission as not gradable, with the reason its author reads, and its job failed, if the attempt still
     * holds it.
     *
     * @return whether the attempt still held the job
     */
    public boolean failed(ClaimedJob job, String why) {
        return settle(job, "FAILED", connection -> update(connection, "UPDATE SUBMISSION SET STATUS = 'FAILED', "
                + "ERROR = ?, GRADEDAT = ? WHERE ID = ?", why, now(), job.submissionId()));
    }

    /**
     * Puts a job back in the queue after its attempt failed for a reason of the platform's own (not the
     * submission's), if that attempt still holds it; the next free worker tries again.
     *
     * @return whether the attempt still held the job
     */
    public boolean requeue(ClaimedJob job) {
        return inTransaction("queueing a job again", connection -> {
            if (!holds(connection, job)) {
                return false;
            }
            update(connection, "UPDATE SUBMISSION SET STATUS = 'QUEUED' WHERE ID = ?", job.submissionId());
            update(connection, "UPDATE GRADINGJOB SET STATE = 'QUEUED', WORKER = NULL, LEASEUNTIL = NULL, VERSION = "
                    + "VERSION + 1 WHERE ID = ?", job.id());
            return true;
        });
    }

    private boolean settle(ClaimedJob job, String state, Work<?> outcome) {
        return inTransaction("storing a job's outcome", connection -> {
            if (!holds(connection, job)) {
                return false;
            }
            outcome.in(connection);
            update(connection, "UPDATE GRADINGJOB SET STATE = ?, FINISHEDAT = ?, LEASEUNTIL = NULL, VERSION = "
                    + "VERSION + 1 WHERE ID = ?", state, now(), job.id());
            return true;
        });
    }

    /** @return whether the job is running under this attempt, locking its row until the transaction ends */
    private static boolean holds(Connection connection, ClaimedJob job) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT STATE, ATTEMPTS FROM GRADINGJOB WHERE ID = ? FOR UPDATE")) {
            select.setString(1, job.id());
            try (ResultSet row = select.executeQuery()) {
                return row.next() && "RUNNING".equals(row.getString(1)) && row.getInt(2) == job.attempt();
            }
        }
    }

    /** @return the instructor's points by check id: the newest override of each check */
    private static Map<String, Double> overrides(Connection connection, String submissionId) throws SQLException {
        Map<String, Double> points = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT CHECKID, POINTS FROM CHECKOVERRIDE WHERE SUBMISSIONID = ? ORDER BY AT")) {
            select.setString(1, submissionId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    points.put(rows.getString(1), rows.getDouble(2));
                }
            }
        }
        return points;
    }

    private static int update(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    statement.setNull(i + 1, Types.DOUBLE);
                } else {
                    statement.setObject(i + 1, values[i]);
                }
            }
            return statement.executeUpdate();
        }
    }

    private <T> T inTransaction(String what, Work<T> work) {
        try (Connection connection = database.open()) {
            connection.setAutoCommit(false);
            try {
                T result = work.in(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new QueueUnavailableException(what, e);
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    /** A claimable job as read, before the conditional update claims it. */
    private record Candidate(String id, long version, String submissionId, int attempts) {
    }

    /** Work done in one transaction. */
    @FunctionalInterface
    private interface Work<T> {
        T in(Connection connection) throws SQLException;
    }
}
