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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.nnlab.grader.result.GradingResult;
import org.nnlab.grader.lab.CheckSpec;
import org.nnlab.grader.lab.Lab;
import org.nnlab.platform.account.Role;
import org.nnlab.platform.grading.JobQueue;
import org.nnlab.platform.lab.LabCatalog;
import org.nnlab.platform.web.Pages;

/**
 * {@code /submissions/ID}: a submission's state and, once graded, its report; {@code /submissions/ID/status}: its
 * state as JSON, which the page polls until it is graded. Who sees how much of it: {@link SubmissionViews}; to anyone
 * else it does not exist (404).
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
    transient SubmissionViews views;

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
        Optional<SubmissionView> found = views.of(id, request.getRemoteUser(), instructor);
        if (found.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such submission.");
            return;
        }
        SubmissionRecord record = found.get().record();
        boolean released = found.get().released();
        boolean fullView = found.get().fullView();
        GradingResult result = found.get().result();
        Map<String, Object> state = found.get().state();
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
}
