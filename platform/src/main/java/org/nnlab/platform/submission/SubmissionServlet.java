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
import org.nnlab.grader.result.GradingResult;
import org.nnlab.grader.result.ResultJson;
import org.nnlab.grader.result.RunResult;
import org.nnlab.platform.account.Role;
import org.nnlab.platform.grading.GradingJob;
import org.nnlab.platform.grading.JobQueue;
import org.nnlab.platform.grading.LiveProgress;
import org.nnlab.platform.lab.LabCatalog;
import org.nnlab.platform.web.Pages;

/**
 * {@code /submissions/ID}: a submission's state and, once graded, its report; {@code /submissions/ID/status}: its
 * state as JSON, which the page polls until it is graded. Only its author and instructors see it: to anyone else it
 * does not exist (404).
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

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        boolean status = path.endsWith("/status");
        String id = path.replaceFirst("^/", "").replaceFirst("/status$", "");
        boolean instructor = request.isUserInRole(Role.INSTRUCTOR);
        Optional<SubmissionRecord> found = submissions.visibleTo(id, request.getRemoteUser(), instructor);
        if (found.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such submission.");
            return;
        }
        SubmissionRecord record = found.get();
        GradingResult result = record.getResultJson() == null ? null : visible(ResultJson.read(
                record.getResultJson()), instructor);
        Map<String, Object> state = state(record, result);
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
        pages.render(request, response, "submission", model);
    }

    private Map<String, Object> state(SubmissionRecord record, GradingResult result) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", record.getStatus().name());
        Optional<GradingJob> job = queue.ofSubmission(record.getId());
        state.put("position", job.map(queue::positionOf).orElse(0L));
        LiveProgress live = job.filter(j -> j.getState() == GradingJob.State.RUNNING)
                .map(j -> LiveProgress.read(j.getProgress())).orElse(null);
        state.put("progress", live == null ? null : live.description());
        state.put("live", live);
        state.put("score", record.getScore());
        state.put("maxScore", record.getMaxScore());
        state.put("error", record.getError());
        state.put("runs", result == null ? Map.of() : result.runs());
        return state;
    }

    /** Test accuracy is for instructors until they release it. */
    private static GradingResult visible(GradingResult result, boolean instructor) {
        if (instructor) {
            return result;
        }
        Map<String, RunResult> runs = new LinkedHashMap<>();
        result.runs().forEach((name, run) -> runs.put(name, new RunResult(run.epochs(), run.validationAccuracy(),
                null)));
        return new GradingResult(result.lab(), result.score(), result.maxScore(), result.integrityFailure(),
                result.checks(), runs, result.output(), result.timings(), result.provenance(), result.compileErrors());
    }
}
