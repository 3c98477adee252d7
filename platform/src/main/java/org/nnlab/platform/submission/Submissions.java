package org.nnlab.platform.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.nnlab.datasets.obtain.Checksums;
import org.nnlab.grader.lab.Lab;
import org.nnlab.grader.submission.Submission;
import org.nnlab.grader.submission.SubmissionException;
import org.nnlab.platform.account.Accounts;
import org.nnlab.platform.account.UserAccount;
import org.nnlab.platform.grading.JobQueue;

/** Stores submissions, queues them for grading, and finds them for the people allowed to see them. */
@ApplicationScoped
public class Submissions {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> TEXT_MAP = new TypeReference<>() {
    };

    @PersistenceContext(unitName = "nnlab")
    EntityManager entityManager;

    @Inject
    Accounts accounts;

    @Inject
    JobQueue queue;

    Clock clock = Clock.systemUTC();

    /**
     * Stores a checked submission and queues its grading, in one transaction. The author's account is locked for
     * the transaction, so that two submissions at once cannot both slip under the lab's rate limit.
     *
     * @return the stored submission
     * @throws SubmissionException when the author has used up the submissions the lab allows for now
     */
    @Transactional
    public SubmissionRecord submit(String username, Lab lab, Submission submission) {
        UserAccount author = accounts.byUsername(username).orElseThrow(() -> new IllegalArgumentException(
                "no account named " + username));
        entityManager.lock(author, LockModeType.PESSIMISTIC_WRITE);
        LocalDateTime now = LocalDateTime.now(clock);
        SubmissionHistory history = history(username, lab);
        history.nextAllowed(now).ifPresent(next -> {
            throw new SubmissionException("You have made " + history.policy().limit() + " submissions to this lab "
                    + "within " + history.policy().window().toMinutes() + " minutes, the most it allows ("
                    + history.limitDescription() + "). You can submit again at "
                    + next.format(DateTimeFormatter.ofPattern("HH:mm")) + " UTC.");
        });
        String sources = json(submission.sources());
        String answers = json(submission.answers());
        SubmissionRecord record = new SubmissionRecord(author, lab.id(), lab.version(), sources, answers,
                Checksums.sha256((sources + "\n" + answers).getBytes(StandardCharsets.UTF_8)), now);
        entityManager.persist(record);
        queue.enqueue(record.getId());
        return record;
    }

    /**
     * @return the submission, when {@code username} wrote it or is an instructor; empty otherwise, so that others
     *     cannot even tell it exists
     */
    public Optional<SubmissionRecord> visibleTo(String submissionId, String username, boolean instructor) {
        return Optional.ofNullable(entityManager.find(SubmissionRecord.class, submissionId))
                .filter(s -> instructor || s.getAuthor().getUsername().equals(username));
    }

    /** @return the submissions of one student to one lab, newest first */
    public List<SubmissionRecord> of(String username, String labId) {
        return entityManager.createQuery("SELECT s FROM SubmissionRecord s WHERE s.author.username = :username AND "
                + "s.labId = :labId ORDER BY s.submittedAt DESC", SubmissionRecord.class)
                .setParameter("username", username).setParameter("labId", labId).getResultList();
    }

    /** @return a student's submissions to a lab, read through the lab's policy */
    public SubmissionHistory history(String username, Lab lab) {
        return new SubmissionHistory(of(username, lab.id()), lab.submissions());
    }

    /** @return now, by the clock that stamps submissions */
    public LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    /** @return the submission by id, for workers */
    public Optional<SubmissionRecord> byId(String submissionId) {
        return Optional.ofNullable(entityManager.find(SubmissionRecord.class, submissionId));
    }

    /** @return the stored submission as the grader takes it */
    public static Submission toSubmission(SubmissionRecord record) {
        return new Submission(map(record.getSourcesJson()), map(record.getAnswersJson()));
    }

    /** Records the status of a submission. */
    @Transactional
    public void status(String submissionId, SubmissionStatus status) {
        entityManager.find(SubmissionRecord.class, submissionId).setStatus(status);
    }

    /** Records a submission's result. */
    @Transactional
    public void graded(String submissionId, double score, double maxScore, String resultJson) {
        entityManager.find(SubmissionRecord.class, submissionId).graded(score, maxScore, resultJson,
                LocalDateTime.now(clock));
    }

    /** Records that a submission could not be graded. */
    @Transactional
    public void failed(String submissionId, String why) {
        entityManager.find(SubmissionRecord.class, submissionId).failed(why, LocalDateTime.now(clock));
    }

    private static String json(Map<String, String> texts) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(texts));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("texts always serialize", e);
        }
    }

    private static Map<String, String> map(String json) {
        try {
            return JSON.readValue(json, TEXT_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored submission is not valid JSON", e);
        }
    }
}
