package org.nnlab.platform.teaching;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nnlab.platform.account.Role;
import org.nnlab.platform.course.Courses;
import org.nnlab.platform.grading.GradingJob;
import org.nnlab.platform.grading.JobQueue;
import org.nnlab.platform.lab.LabCatalog;
import org.nnlab.platform.submission.SubmissionRecord;
import org.nnlab.platform.submission.Submissions;
import org.nnlab.platform.web.Notice;
import org.nnlab.platform.web.Pages;

/**
 * {@code /teach/queue}: the grading queue: jobs waiting, running (which worker, for how long) and the latest that
 * failed. POST {@code /teach/queue/JOB/retry} grades a failed job's submission again, or ends a running job's lease
 * so that a worker claims it again. Students' names show only to their own instructors, who alone may retry.
 */
@WebServlet("/teach/queue/*")
@ServletSecurity(@HttpConstraint(rolesAllowed = Role.INSTRUCTOR))
public class QueueServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final int FAILED_SHOWN = 50;

    @Inject
    transient Pages pages;

    @Inject
    transient JobQueue queue;

    @Inject
    transient Submissions submissions;

    @Inject
    transient Courses courses;

    @Inject
    transient LabCatalog catalog;

    /**
     * One job as the queue page shows it.
     *
     * @param job      the job
     * @param labId    its submission's lab
     * @param student  its author, or null when the viewer does not teach them
     * @param running  how long it has been running, or null
     */
    public record Line(GradingJob job, String labId, String student, Duration running) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = request.getRemoteUser();
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        List<Line> lines = new ArrayList<>();
        for (GradingJob job : queue.overview(FAILED_SHOWN)) {
            Optional<SubmissionRecord> submission = submissions.byId(job.getSubmissionId());
            String author = submission.map(s -> s.getAuthor().getUsername()).orElse(null);
            String labId = submission.map(SubmissionRecord::getLabId).orElse("?");
            boolean mine = author != null && courses.teaches(user, author, labId);
            lines.add(new Line(job, labId, mine ? author : null, job.getState() == GradingJob.State.RUNNING
                    && job.getStartedAt() != null ? Duration.between(job.getStartedAt(), now) : null));
        }
        String notice = Notice.take(request);
        pages.render(request, response, "teach-queue", notice == null ? Map.of("lines", lines)
                : Map.of("lines", lines, "notice", notice));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = (request.getPathInfo() == null ? "" : request.getPathInfo()).replaceFirst("^/", "")
                .split("/");
        String user = request.getRemoteUser();
        Optional<GradingJob> job = parts.length == 2 && parts[1].equals("retry") ? queue.byId(parts[0])
                : Optional.empty();
        Optional<SubmissionRecord> submission = job.flatMap(j -> submissions.byId(j.getSubmissionId()))
                .filter(s -> courses.teaches(user, s.getAuthor().getUsername(), s.getLabId()));
        if (submission.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such job among your students'.");
            return;
        }
        String notice;
        if (job.get().getState() == GradingJob.State.RUNNING) {
            queue.releaseLease(job.get().getId());
            notice = "The job's lease was ended: the next free worker grades it again.";
        } else if (job.get().getState() == GradingJob.State.FAILED) {
            boolean queued = catalog.lab(submission.get().getLabId())
                    .map(lab -> submissions.regrade(submission.get().getId(), lab, user)).orElse(false);
            notice = queued ? "The submission was queued to be graded again." : "The submission is already queued.";
        } else {
            notice = "Only a failed or running job can be retried.";
        }
        Notice.set(request, notice);
        response.sendRedirect(request.getContextPath() + "/teach/queue");
    }
}
