package org.nnlab.platform.submission;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.nnlab.grader.result.GradingResult;
import org.nnlab.grader.result.RunResult;
import org.nnlab.grader.lab.CheckSpec;
import org.nnlab.grader.lab.Lab;
import org.nnlab.platform.account.Role;
import org.nnlab.platform.course.Courses;
import org.nnlab.platform.course.LabAssignment;
import org.nnlab.platform.grading.GradingJob;
import org.nnlab.platform.grading.JobQueue;
import org.nnlab.worker.LiveProgress;
import org.nnlab.platform.lab.LabCatalog;
import org.nnlab.platform.lab.SelfTests;
import org.nnlab.platform.web.Pages;

/**
 * {@code /submissions/ID}: a submission's state and, once graded, its report; {@code /submissions/ID/status}: its
 * state as JSON, which the page polls until it is graded. Only its author and the instructors of its author's course
 * see it (and any instructor a lab's self-test): to anyone else it does not exist (404). The hidden test accuracy and the instructor's scores and comments
 * reach the author once the instructor releases the lab's results.
 */
@WebServlet("/submissions/*")
@ServletSecurity(@HttpConstraint(rolesAllowed = {Role.STUDENT, Role.INSTRUCTOR}))
public class SubmissionServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .build();

    @Inject
    transient Pages pages;

    @Inject
    transient Submissions submissions;

    @Inject
    transient JobQueue queue;

    @Inject
    transient LabCatalog catalog;

    @Inject
    transient Courses courses;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        boolean status = path.endsWith("/status");
        String id = path.replaceFirst("^/", "").replaceFirst("/status$", "");
        String user = request.getRemoteUser();
        boolean instructor = request.isUserInRole(Role.INSTRUCTOR);
        Optional<SubmissionRecord> found = submissions.visibleTo(id, user, s -> instructor
                && (courses.teaches(user, s.getAuthor().getUsername(), s.getLabId())
                || s.getAuthor().getUsername().equals(SelfTests.ACCOUNT)));
        if (found.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such submission.");
            return;
        }
        SubmissionRecord record = found.get();
        boolean released = courses.assignmentOf(record.getAuthor().getUsername(), record.getLabId())
                .map(LabAssignment::isResultsReleased).orElse(false);
        boolean fullView = instructor || released;
        GradingResult result = record.result().map(r -> visible(r, fullView)).orElse(null);
        Map<String, Object> state = state(record, result, fullView);
        if (status) {
            response.setContentType("application/json;charset=UTF-8");
            response.setHeader("Cache-Control", "no-store");
            JSON.writeValue(response.getWriter(), state);
            return;
        }
        Map<String, Object> model = new HashMap<>(state);
        model.put("submission", record);
        model.put("result", result);
        model.put("labTitle", catalog.lab(record.getLabId()).map(lab -> lab.title()).orElse(record.getLabId()));
        model.put("stateJson", JSON.writeValueAsString(state));
        Map<String, Double> best = new HashMap<>();
        if (result != null) {
            result.runs().forEach((name, run) -> run.epochs().stream()
                    .mapToDouble(org.nnlab.grader.result.EpochResult::validationAccuracy).max()
                    .ifPresent(max -> best.put(name, max)));
        }
        model.put("bestAccuracy", best);
        Optional<Lab> lab = catalog.lab(record.getLabId());
        model.put("manual", lab.map(l -> l.checks().stream().filter(CheckSpec::manual).map(CheckSpec::id)
                .collect(Collectors.toSet())).orElse(Set.of()));
        model.put("overrides", fullView ? submissions.overrides(record.getId()) : Map.of());
        model.put("fullView", fullView);
        model.put("released", released);
        model.put("sources", new TreeMap<>(Submissions.toSubmission(record).sources()));
        model.put("answers", Submissions.toSubmission(record).answers());
        if (instructor) {
            model.put("overrideHistory", submissions.overrideHistory(record.getId()));
            model.put("pastResults", submissions.pastResults(record.getId()));
            model.put("job", queue.ofSubmission(record.getId()).orElse(null));
        }
        pages.render(request, response, "submission", model);
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
                result.checks(), runs, result.output(), result.timings(), result.provenance(), result.compileErrors());
    }
}
