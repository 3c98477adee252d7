package org.nnlab.platform.plagiarism.web;

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
import org.nnlab.grader.lab.Lab;
import org.nnlab.platform.account.Role;
import org.nnlab.platform.course.Course;
import org.nnlab.platform.course.Courses;
import org.nnlab.platform.lab.LabCatalog;
import org.nnlab.platform.plagiarism.runs.MatchedRegions;
import org.nnlab.platform.plagiarism.runs.SimilarityChecks;
import org.nnlab.platform.plagiarism.runs.SimilarityPair;
import org.nnlab.platform.plagiarism.runs.SimilarityRun;
import org.nnlab.platform.plagiarism.runs.SimilarityRuns;
import org.nnlab.platform.submission.SubmissionRecord;
import org.nnlab.platform.submission.Submissions;
import org.nnlab.platform.web.Notice;
import org.nnlab.platform.web.Pages;

/**
 * {@code /teach/similarity/CODE/LAB}: the latest similarity check of a course's lab, its pairs most alike first,
 * filtered by {@code threshold} (percent, 0 to 100); POST {@code CODE/LAB/start} starts a check;
 * {@code CODE/LAB/pairs/ID} shows a pair's submissions side by side with their matches. A course the user does not
 * teach, or a lab it does not assign, does not exist for them (404); students get 403.
 */
@WebServlet("/teach/similarity/*")
@ServletSecurity(@HttpConstraint(rolesAllowed = Role.INSTRUCTOR))
public class SimilarityServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient Pages pages;

    @Inject
    transient Courses courses;

    @Inject
    transient LabCatalog catalog;

    @Inject
    transient Submissions submissions;

    @Inject
    transient SimilarityRuns runs;

    @Inject
    transient SimilarityChecks checks;

    /** What a request names: a course the user teaches, a lab it assigns, and what follows. */
    private record Target(Course course, Lab lab, String[] rest) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Target> target = target(request);
        if (target.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such course or lab among those you teach.");
        } else if (target.get().rest().length == 0) {
            showRun(request, response, target.get());
        } else if (target.get().rest().length == 2 && target.get().rest()[0].equals("pairs")) {
            showPair(request, response, target.get(), target.get().rest()[1]);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such page.");
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Target> target = target(request);
        if (target.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such course or lab among those you teach.");
            return;
        }
        if (target.get().rest().length != 1 || !target.get().rest()[0].equals("start")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such action.");
            return;
        }
        Notice.set(request, checks.start(target.get().course(), target.get().lab(), request.getRemoteUser()));
        response.sendRedirect(request.getContextPath() + path(target.get()));
    }

    private void showRun(HttpServletRequest request, HttpServletResponse response, Target target)
            throws IOException {
        Map<String, Object> model = model(request, target);
        String threshold = request.getParameter("threshold") == null ? "" : request.getParameter("threshold").strip();
        int percent = 0;
        if (!threshold.isEmpty()) {
            try {
                percent = Integer.parseInt(threshold);
            } catch (NumberFormatException e) {
                percent = -1;
            }
            if (percent < 0 || percent > 100) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                model.put("error", "The threshold is a whole percentage from 0 to 100, not '" + threshold + "'.");
                percent = 0;
            }
        }
        model.put("threshold", percent);
        double least = percent / 100.0;
        Optional<SimilarityRun> run = runs.latest(target.course().getCode(), target.lab().id());
        model.put("run", run.orElse(null));
        model.put("pairs", run.map(r -> runs.pairs(r, least)).orElse(java.util.List.of()));
        pages.render(request, response, "teach-similarity", model);
    }

    private void showPair(HttpServletRequest request, HttpServletResponse response, Target target, String pairId)
            throws IOException {
        Optional<SimilarityPair> pair = runs.pair(pairId, target.course().getCode())
                .filter(p -> p.getRun().getLabId().equals(target.lab().id()));
        Optional<SubmissionRecord> a = pair.flatMap(p -> submissions.byId(p.getSubmissionA()));
        Optional<SubmissionRecord> b = pair.flatMap(p -> submissions.byId(p.getSubmissionB()));
        if (pair.isEmpty() || a.isEmpty() || b.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such pair in this lab's similarity checks.");
            return;
        }
        Map<String, Object> model = model(request, target);
        model.put("pair", pair.get());
        model.put("sides", SideBySide.of(MatchedRegions.files(a.get().getSourcesJson()),
                MatchedRegions.files(b.get().getSourcesJson()), MatchedRegions.read(pair.get().getRegionsJson())));
        pages.render(request, response, "teach-similarity-pair", model);
    }

    private Map<String, Object> model(HttpServletRequest request, Target target) {
        Map<String, Object> model = new HashMap<>();
        model.put("course", target.course());
        model.put("lab", target.lab());
        model.put("notice", Notice.take(request));
        return model;
    }

    private static String path(Target target) {
        return "/teach/similarity/" + target.course().getCode() + "/" + target.lab().id();
    }

    /** Parses CODE/LAB[/...], keeping only what the user teaches. */
    private Optional<Target> target(HttpServletRequest request) {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String[] parts = path.replaceFirst("^/", "").split("/");
        if (parts.length < 2 || parts[0].isEmpty()) {
            return Optional.empty();
        }
        Optional<Course> course = courses.taughtBy(request.getRemoteUser(), parts[0]);
        Optional<Lab> lab = course.flatMap(c -> courses.assignment(c, parts[1]))
                .flatMap(a -> catalog.lab(a.getLabId()));
        if (lab.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Target(course.get(), lab.get(), java.util.Arrays.copyOfRange(parts, 2,
                parts.length)));
    }
}
