package org.nnlab.platform.submission;

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
import org.nnlab.grader.result.CheckResult;
import org.nnlab.grader.result.GradingResult;
import org.nnlab.grader.submission.Submission;
import org.nnlab.grader.submission.SubmissionException;
import org.nnlab.platform.account.Accounts;
import org.nnlab.platform.account.UserAccount;
import org.nnlab.platform.course.Admission;
import org.nnlab.platform.course.LabAssignment;
import org.nnlab.platform.grading.JobQueue;
import org.nnlab.worker.StoredTexts;

/** Stores submissions, queues them for grading, and finds them for the people allowed to see them. */
@ApplicationScoped
public class Submissions {
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
     * @param assignment the lab's assignment in the author's course: its dates and late policy apply
     * @return the stored submission
     * @throws SubmissionException when the lab is not open, its deadline passed and it refuses late submissions, or
     *                             the author has used up the submissions the lab allows for now
     */
    @Transactional
    public SubmissionRecord submit(String username, Lab lab, LabAssignment assignment, Submission submission) {
        UserAccount author = accounts.byUsername(username).orElseThrow(() -> new IllegalArgumentException(
                "no account named " + username));
        entityManager.lock(author, LockModeType.PESSIMISTIC_WRITE);
        LocalDateTime now = LocalDateTime.now(clock);
        Admission admission = assignment.admit(now);
        if (!admission.accepted()) {
            throw new SubmissionException(admission.refusal());
        }
        SubmissionHistory history = history(username, lab, false);
        history.nextAllowed(now).ifPresent(next -> {
            throw new SubmissionException("You have made " + history.policy().limit() + " submissions to this lab "
                    + "within " + history.policy().window().toMinutes() + " minutes, the most it allows ("
                    + history.limitDescription() + "). You can submit again at "
                    + next.format(DateTimeFormatter.ofPattern("HH:mm")) + " UTC.");
        });
        SubmissionRecord record = store(author, lab, submission, now);
        record.setLateness(admission.daysLate(), admission.penalty());
        return record;
    }

    /**
     * Stores and queues a lab's self-test submission: no course, no dates, no rate limit.
     *
     * @return the stored submission
     */
    @Transactional
    public SubmissionRecord submitSelfTest(UserAccount tester, Lab lab, Submission submission) {
        return store(entityManager.merge(tester), lab, submission, LocalDateTime.now(clock));
    }

    private SubmissionRecord store(UserAccount author, Lab lab, Submission submission, LocalDateTime now) {
        String sources = StoredTexts.write(submission.sources());
        String answers = StoredTexts.write(submission.answers());
        SubmissionRecord record = new SubmissionRecord(author, lab.id(), lab.version(), sources, answers,
                Checksums.sha256((sources + "\n" + answers).getBytes(StandardCharsets.UTF_8)), now);
        entityManager.persist(record);
        queue.enqueue(record.getId(), lab.gpu());
        return record;
    }

    /**
     * @param instructorOf whether {@code username} teaches a course that assigns the submission's lab to its author
     * @return the submission, when {@code username} wrote it or teaches its author; empty otherwise, so that others
     *     cannot even tell it exists
     */
    public Optional<SubmissionRecord> visibleTo(String submissionId, String username,
                                                java.util.function.Predicate<SubmissionRecord> instructorOf) {
        return Optional.ofNullable(entityManager.find(SubmissionRecord.class, submissionId))
                .filter(s -> s.getAuthor().getUsername().equals(username) || instructorOf.test(s));
    }

    /** @return the submissions of one student to one lab, newest first */
    public List<SubmissionRecord> of(String username, String labId) {
        return entityManager.createQuery("SELECT s FROM SubmissionRecord s WHERE s.author.username = :username AND "
                + "s.labId = :labId ORDER BY s.submittedAt DESC", SubmissionRecord.class)
                .setParameter("username", username).setParameter("labId", labId).getResultList();
    }

    /**
     * @param released whether the lab's results are released to the student
     * @return a student's submissions to a lab, read through the lab's policy
     */
    public SubmissionHistory history(String username, Lab lab, boolean released) {
        return new SubmissionHistory(of(username, lab.id()), lab.submissions(), released);
    }

    /** @return now, by the clock that stamps submissions */
    public LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    /** @return the submission by id */
    public Optional<SubmissionRecord> byId(String submissionId) {
        return Optional.ofNullable(entityManager.find(SubmissionRecord.class, submissionId));
    }

    /** @return the stored submission as the grader takes it */
    public static Submission toSubmission(SubmissionRecord record) {
        return new Submission(StoredTexts.read(record.getSourcesJson()), StoredTexts.read(record.getAnswersJson()));
    }

    /**
     * Sends a submission to be graded again against {@code lab} as it is now, keeping its current result as a past
     * result.
     *
     * @return false when it is already waiting or being graded
     */
    @Transactional
    public boolean regrade(String submissionId, Lab lab, String byUsername) {
        SubmissionRecord record = entityManager.find(SubmissionRecord.class, submissionId,
                LockModeType.PESSIMISTIC_WRITE);
        if (record.getStatus() == SubmissionStatus.QUEUED || record.getStatus() == SubmissionStatus.GRADING) {
            return false;
        }
        entityManager.persist(new PastResult(record, LocalDateTime.now(clock), byUsername));
        record.regrade(lab.version());
        queue.enqueue(submissionId, lab.gpu());
        return true;
    }

    /** @return the results a submission had before, newest first */
    public List<PastResult> pastResults(String submissionId) {
        return entityManager.createQuery("SELECT p FROM PastResult p WHERE p.submissionId = :id ORDER BY "
                + "p.replacedAt DESC", PastResult.class).setParameter("id", submissionId).getResultList();
    }

    /**
     * Records an instructor's points and comment for one check of a graded submission, and the score that follows.
     *
     * @throws SubmissionException when the submission has no such check or the points are out of range
     */
    @Transactional
    public void override(String submissionId, String checkId, double points, String comment, String byUsername) {
        SubmissionRecord record = entityManager.find(SubmissionRecord.class, submissionId,
                LockModeType.PESSIMISTIC_WRITE);
        CheckResult check = record.result().flatMap(r -> r.checks().stream().filter(c -> c.id().equals(checkId))
                .findFirst()).orElseThrow(() -> new SubmissionException("The submission has no graded check '"
                + checkId + "'."));
        if (!(points >= 0 && points <= check.maxPoints())) {
            throw new SubmissionException("Points for '" + check.title() + "' must be from 0 to "
                    + check.maxPoints() + ".");
        }
        entityManager.persist(new CheckOverride(submissionId, checkId, points, comment, byUsername,
                LocalDateTime.now(clock)));
        entityManager.flush();
        record.setAdjustedScore(adjusted(record));
    }

    /** @return every override of a submission, oldest first */
    public List<CheckOverride> overrideHistory(String submissionId) {
        return entityManager.createQuery("SELECT o FROM CheckOverride o WHERE o.submissionId = :id ORDER BY o.at",
                CheckOverride.class).setParameter("id", submissionId).getResultList();
    }

    /** @return the override that counts for each check of a submission: the newest */
    public Map<String, CheckOverride> overrides(String submissionId) {
        return overrides(List.of(submissionId)).getOrDefault(submissionId, Map.of());
    }

    /**
     * The overrides of many submissions in one query, e.g. for a table of a lab's submissions.
     *
     * @return by submission id, the override that counts for each check; submissions without any are left out
     */
    public Map<String, Map<String, CheckOverride>> overrides(java.util.Collection<String> submissionIds) {
        Map<String, Map<String, CheckOverride>> newest = new java.util.HashMap<>();
        if (submissionIds.isEmpty()) {
            return newest;
        }
        entityManager.createQuery("SELECT o FROM CheckOverride o WHERE o.submissionId IN :ids ORDER BY o.at",
                CheckOverride.class).setParameter("ids", submissionIds).getResultList().forEach(o -> newest
                .computeIfAbsent(o.getSubmissionId(), id -> new TreeMap<>()).put(o.getCheckId(), o));
        return newest;
    }

    /** @return the submissions of these students to a lab, newest first */
    public List<SubmissionRecord> ofLab(String labId, java.util.Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return List.of();
        }
        return entityManager.createQuery("SELECT s FROM SubmissionRecord s WHERE s.labId = :labId AND "
                + "s.author.username IN :usernames ORDER BY s.submittedAt DESC", SubmissionRecord.class)
                .setParameter("labId", labId).setParameter("usernames", usernames).getResultList();
    }

    private Double adjusted(SubmissionRecord record) {
        Map<String, CheckOverride> overrides = overrides(record.getId());
        if (overrides.isEmpty()) {
            return null;
        }
        Map<String, Double> points = new java.util.HashMap<>();
        overrides.forEach((check, override) -> points.put(check, override.getPoints()));
        return record.result().map(r -> r.scoreWith(points)).orElse(null);
    }
}
