package org.nnlab.platform.submission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.nnlab.grader.result.GradingResult;
import org.nnlab.grader.result.RunResult;
import org.nnlab.platform.course.Courses;
import org.nnlab.platform.course.LabAssignment;
import org.nnlab.platform.grading.GradingJob;
import org.nnlab.platform.grading.JobQueue;
import org.nnlab.platform.lab.SelfTests;
import org.nnlab.worker.LiveProgress;

/**
 * Who sees which submission, and how much of it: its author and the instructors of its author's course (and any
 * instructor a lab's self-test); to anyone else it does not exist. The hidden test accuracy and the instructor's
 * scores reach the author once the instructor releases the lab's results.
 */
@ApplicationScoped
public class SubmissionViews {
    @Inject
    Submissions submissions;

    @Inject
    JobQueue queue;

    @Inject
    Courses courses;

    /**
     * @param id         the submission's id
     * @param username   who asks
     * @param instructor whether they are an instructor
     * @return the submission as they may see it; empty when they may not see it or it does not exist
     */
    public Optional<SubmissionView> of(String id, String username, boolean instructor) {
        return submissions.visibleTo(id, username, s -> instructor
                && (courses.teaches(username, s.getAuthor().getUsername(), s.getLabId())
                || s.getAuthor().getUsername().equals(SelfTests.ACCOUNT))).map(record -> view(record, instructor));
    }

    private SubmissionView view(SubmissionRecord record, boolean instructor) {
        boolean released = courses.assignmentOf(record.getAuthor().getUsername(), record.getLabId())
                .map(LabAssignment::isResultsReleased).orElse(false);
        boolean fullView = instructor || released;
        GradingResult result = record.result().map(r -> visible(r, fullView)).orElse(null);
        return new SubmissionView(record, result, fullView, released, state(record, result, fullView));
    }

    private Map<String, Object> state(SubmissionRecord record, GradingResult result, boolean fullView) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", record.getStatus().name());
        Optional<GradingJob> job = queue.ofSubmission(record.getId());
        state.put("position", job.map(queue::positionOf).orElse(0L));
        LiveProgress live = job.filter(j -> j.getState() == GradingJob.State.RUNNING)
                .map(j -> LiveProgress.read(j.getProgress())).orElse(null);
        state.put("progress", live == null ? null : live.description());
        state.put("live", live);
        state.put("score", fullView ? record.getFinalScore() : record.getAutomaticScore());
        state.put("maxScore", record.getMaxScore());
        state.put("error", record.getError());
        state.put("runs", result == null ? Map.of() : result.runs());
        return state;
    }

    /** Test accuracy is for instructors until they release it. */
    private static GradingResult visible(GradingResult result, boolean fullView) {
        if (fullView) {
            return result;
        }
        Map<String, RunResult> runs = new LinkedHashMap<>();
        result.runs().forEach((name, run) -> runs.put(name, new RunResult(run.epochs(), run.validationAccuracy(),
                null)));
        return new GradingResult(result.lab(), result.score(), result.maxScore(), result.integrityFailure(),
                result.checks(), runs, result.output(), result.timings(), result.provenance(), result.compileErrors(),
                result.diagnosis());
    }
}
