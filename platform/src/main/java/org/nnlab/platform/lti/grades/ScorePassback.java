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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the LMSs the scores that count. Grading workers (threads here or processes elsewhere) store results in the
 * database, so every few seconds this reads the scores the LMSs lack from it ({@link DueScores}) and posts them. A
 * failure is retried with a doubling pause, up to an hour.
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
    DueScores dueScores;

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
        LocalDateTime now = LocalDateTime.now(Clock.systemUTC());
        try {
            dueScores.at(now).forEach(due -> deliver(due, now));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "LTI score passback: cannot read the scores due", e);
        }
    }

    private void deliver(DueScores.DueScore due, LocalDateTime now) {
        GradeLink link = due.link();
        try {
            ags.post(link.getRegistration(), link.getLineItem(), new Score(link.getSubject(), due.score(),
                    due.maxScore(), now.atOffset(ZoneOffset.UTC)));
            links.delivered(link, due.score(), now);
            LOG.info("LTI: delivered " + due.score() + " for " + link.getUser().getUsername() + " in "
                    + link.getLabId());
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
