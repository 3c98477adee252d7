package org.nnlab.platform.lti.grades;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nnlab.grader.lab.Lab;
import org.nnlab.platform.course.Courses;
import org.nnlab.platform.course.LabAssignment;
import org.nnlab.platform.lab.LabCatalog;
import org.nnlab.platform.submission.Submissions;

/**
 * Sends the LMSs the scores that count. Grading workers (threads here or processes elsewhere) store results in the
 * database, so every few seconds this reads, for each launched lab with a line item, the score that counts as the
 * student sees it (the lab's policy; with the instructor's overrides once the results are released), and posts it
 * when the LMS does not have it yet. A failure is retried with a doubling pause, up to an hour.
 */
@ApplicationScoped
public class ScorePassback {
    private static final Logger LOG = Logger.getLogger(ScorePassback.class.getName());
    private static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    private static final Duration LONGEST_RETRY = Duration.ofHours(1);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "nnlab.lti.passback.seconds", defaultValue = "5")
    long intervalSeconds;

    @Inject
    GradeLinks links;

    @Inject
    AgsClient ags;

    @Inject
    Submissions submissions;

    @Inject
    Courses courses;

    @Inject
    LabCatalog catalog;

    private ScheduledFuture<?> task;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        task = scheduler.scheduleWithFixedDelay(this::deliverAll, intervalSeconds, intervalSeconds,
                TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** Delivers every score the LMSs lack, once; failures are recorded on their links. */
    public void deliverAll() {
        try {
            links.all().forEach(this::deliver);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "LTI score passback: cannot read the grade links", e);
        }
    }

    private void deliver(GradeLink link) {
        LocalDateTime now = LocalDateTime.now(Clock.systemUTC());
        if (link.getNextAttemptAt() != null && link.getNextAttemptAt().isAfter(now)) {
            return;
        }
        Optional<Lab> lab = catalog.lab(link.getLabId());
        Optional<LabAssignment> assignment = courses.assignment(link.getRegistration().getCourse(), link.getLabId());
        if (lab.isEmpty() || assignment.isEmpty()) {
            return;
        }
        Double score = submissions.history(link.getUser().getUsername(), lab.get(),
                assignment.get().isResultsReleased()).score();
        if (score == null || link.getDelivery() == Delivery.DELIVERED
                && Objects.equals(score, link.getDeliveredScore())) {
            return;
        }
        try {
            ags.post(link.getRegistration(), link.getLineItem(), new Score(link.getSubject(), score,
                    lab.get().maxScore(), now.atOffset(ZoneOffset.UTC)));
            links.delivered(link, score, now);
            LOG.info("LTI: delivered " + score + " for " + link.getUser().getUsername() + " in " + link.getLabId());
        } catch (IOException | RuntimeException e) {
            long pause = Math.min(LONGEST_RETRY.toSeconds(), FIRST_RETRY.toSeconds() << Math.min(link.getAttempts(),
                    20));
            links.failed(link, String.valueOf(e.getMessage()), now.plusSeconds(pause));
            LOG.warning("LTI: cannot deliver the score of " + link.getUser().getUsername() + " in "
                    + link.getLabId() + " (retried in " + pause + " s): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
