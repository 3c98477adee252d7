package org.nnlab.platform.lab;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.nnlab.grader.cli.LabSelfTest;
import org.nnlab.grader.lab.Lab;
import org.nnlab.grader.result.GradingResult;
import org.nnlab.grader.submission.SubmissionException;
import org.nnlab.platform.account.Accounts;
import org.nnlab.platform.account.Passwords;
import org.nnlab.platform.account.Role;
import org.nnlab.platform.account.UserAccount;
import org.nnlab.platform.submission.SubmissionRecord;
import org.nnlab.platform.submission.SubmissionStatus;
import org.nnlab.platform.submission.Submissions;

/**
 * Self-tests lab revisions through the same queue and sandbox as students' work: the reference solution (with its
 * answers) and the starter are submitted by the {@value #ACCOUNT} account, and the revision passes when the
 * reference gets full marks and the starter compiles, runs and gets less.
 */
@ApplicationScoped
public class SelfTests {
    /** The account that submits self-tests; it logs in nowhere and is enrolled nowhere. */
    public static final String ACCOUNT = "nnlab-selftest";

    @PersistenceContext(unitName = "nnlab")
    EntityManager entityManager;

    @Inject
    Submissions submissions;

    @Inject
    Accounts accounts;

    @Inject
    Passwords passwords;

    /** Queues the self-test of a new revision. */
    @Transactional
    public void start(LabRevision revision, Lab lab) throws IOException {
        UserAccount tester = accounts.byUsername(ACCOUNT).orElseGet(() -> accounts.create(ACCOUNT,
                passwords.random(32), Role.INSTRUCTOR, "nnlab self-test"));
        LabRevision stored = entityManager.find(LabRevision.class, revision.getId());
        try {
            String reference = submissions.submitSelfTest(tester, lab, LabSelfTest.reference(lab)).getId();
            String starter = submissions.submitSelfTest(tester, lab, LabSelfTest.starter(lab)).getId();
            stored.selfTest(reference, starter);
        } catch (SubmissionException e) {
            stored.verdict(LabRevision.State.FAILED, "the reference or the starter cannot be submitted: "
                    + e.getMessage());
        }
    }

    /**
     * Gives a revision whose self-test was graded its verdict.
     *
     * @return the revision's state now
     */
    @Transactional
    public LabRevision.State refresh(String revisionId, Lab lab) {
        LabRevision revision = entityManager.find(LabRevision.class, revisionId);
        if (revision.getState() != LabRevision.State.TESTING || revision.getReferenceSubmissionId() == null) {
            return revision.getState();
        }
        Optional<SubmissionRecord> reference = submissions.byId(revision.getReferenceSubmissionId());
        Optional<SubmissionRecord> starter = submissions.byId(revision.getStarterSubmissionId());
        if (reference.isEmpty() || starter.isEmpty()) {
            revision.verdict(LabRevision.State.FAILED, "the self-test's submissions are gone");
        } else if (failed(reference.get()) || failed(starter.get())) {
            SubmissionRecord broken = failed(reference.get()) ? reference.get() : starter.get();
            revision.verdict(LabRevision.State.FAILED, (broken == reference.get() ? "the reference" : "the starter")
                    + " could not be graded: " + broken.getError());
        } else if (graded(reference.get()) && graded(starter.get())) {
            List<String> problems = LabSelfTest.problems(lab, reference.get().result().orElseThrow(),
                    starter.get().result().orElseThrow());
            revision.verdict(problems.isEmpty() ? LabRevision.State.PASSED : LabRevision.State.FAILED,
                    problems.isEmpty() ? null : String.join("; ", problems));
        }
        return revision.getState();
    }

    private static boolean failed(SubmissionRecord record) {
        return record.getStatus() == SubmissionStatus.FAILED;
    }

    private static boolean graded(SubmissionRecord record) {
        return record.getStatus() == SubmissionStatus.GRADED;
    }

}
