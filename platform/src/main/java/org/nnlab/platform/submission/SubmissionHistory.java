package org.nnlab.platform.submission;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.nnlab.grader.lab.SubmissionPolicy;

/**
 * One student's submissions to one lab, read through the lab's policy: which graded submission counts, and how many
 * more the student may make now.
 */
public final class SubmissionHistory {
    private final List<SubmissionRecord> newestFirst;
    private final SubmissionPolicy policy;
    private final boolean released;

    /**
     * @param submissions the student's submissions to the lab, in any order
     * @param policy      the lab's submission policy
     * @param released    whether the instructor released the lab's results: then scores include the instructor's
     *                    overrides, before that they are the automatic ones
     */
    public SubmissionHistory(List<SubmissionRecord> submissions, SubmissionPolicy policy, boolean released) {
        this.newestFirst = submissions.stream()
                .sorted(Comparator.comparing(SubmissionRecord::getSubmittedAt).reversed()).toList();
        this.policy = policy;
        this.released = released;
    }

    /** @return the submissions, newest first */
    public List<SubmissionRecord> submissions() {
        return newestFirst;
    }

    /** @return the lab's policy */
    public SubmissionPolicy policy() {
        return policy;
    }

    /**
     * @return the graded submission whose score counts: the best (the earliest of equal scores) or the latest, as
     *     the lab declares; empty before one is graded
     */
    public Optional<SubmissionRecord> counting() {
        List<SubmissionRecord> graded = newestFirst.stream().filter(s -> s.getScore() != null).toList();
        if (policy.counts() == SubmissionPolicy.Counts.LATEST || graded.isEmpty()) {
            return graded.stream().findFirst();
        }
        SubmissionRecord best = graded.get(0);
        for (SubmissionRecord s : graded) {
            if (scoreOf(s) >= scoreOf(best)) {
                best = s;
            }
        }
        return Optional.of(best);
    }

    /** @return the score that counts, or null before one is graded */
    public Double score() {
        return counting().map(this::scoreOf).orElse(null);
    }

    /** @return a submission's score as its reader may see it: with overrides once released */
    public Double scoreOf(SubmissionRecord submission) {
        return released ? submission.getFinalScore() : submission.getAutomaticScore();
    }

    /** @return "not started", or the status of the newest submission in lower case */
    public String status() {
        return newestFirst.isEmpty() ? "not started" : newestFirst.get(0).getStatus().name().toLowerCase();
    }

    /** @return how many more submissions the policy allows at {@code now} */
    public int remaining(LocalDateTime now) {
        return Math.max(0, policy.limit() - inWindow(now).size());
    }

    /** @return when the next submission is allowed, if none is allowed at {@code now} */
    public Optional<LocalDateTime> nextAllowed(LocalDateTime now) {
        List<SubmissionRecord> recent = inWindow(now);
        if (recent.size() < policy.limit()) {
            return Optional.empty();
        }
        return Optional.of(recent.get(policy.limit() - 1).getSubmittedAt().plus(policy.window()));
    }

    /** @return the sentence a student reads about the limit, e.g. "10 submissions per 60 minutes" */
    public String limitDescription() {
        Duration window = policy.window();
        String span = window.toMinutes() % 60 == 0 && window.toHours() > 1 ? window.toHours() + " hours"
                : window.toMinutes() == 60 ? "hour" : window.toMinutes() + " minutes";
        return policy.limit() + (policy.limit() == 1 ? " submission" : " submissions") + " per " + span;
    }

    private List<SubmissionRecord> inWindow(LocalDateTime now) {
        LocalDateTime since = now.minus(policy.window());
        return newestFirst.stream().filter(s -> s.getSubmittedAt().isAfter(since)).toList();
    }
}
