package org.nnlab.platform.plagiarism.runs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.nnlab.platform.plagiarism.detection.PairFinding;
import org.nnlab.platform.plagiarism.detection.SimilarityReport;

/** The stored similarity runs and their pairs. */
@ApplicationScoped
public class SimilarityRuns {
    /** A run still marked running after this long was cut off (the platform stopped under it) and counts as failed. */
    static final Duration LONGEST_RUN = Duration.ofHours(1);

    @PersistenceContext(unitName = "nnlab")
    EntityManager entityManager;

    /**
     * Stores a run that starts now, unless one of the same course and lab is running.
     *
     * @return the new run, or empty when one already runs
     */
    @Transactional
    public synchronized Optional<SimilarityRun> begin(String courseCode, String labId, String instructor,
                                                      int compared, LocalDateTime now) {
        for (SimilarityRun running : entityManager.createQuery("SELECT r FROM SimilarityRun r WHERE r.courseCode = "
                + ":course AND r.labId = :lab AND r.state = :state", SimilarityRun.class)
                .setParameter("course", courseCode).setParameter("lab", labId)
                .setParameter("state", RunState.RUNNING).getResultList()) {
            if (running.getStartedAt().isAfter(now.minus(LONGEST_RUN))) {
                return Optional.empty();
            }
            running.failed("cut off: the platform stopped while it ran", now);
        }
        SimilarityRun run = new SimilarityRun(courseCode, labId, instructor, compared, now);
        entityManager.persist(run);
        return Optional.of(run);
    }

    /** Stores what a run found and marks it finished. */
    @Transactional
    public void finish(String runId, SimilarityReport report, LocalDateTime now) {
        SimilarityRun run = entityManager.find(SimilarityRun.class, runId);
        for (PairFinding finding : report.pairs()) {
            entityManager.persist(new SimilarityPair(run, finding, MatchedRegions.write(finding.regions())));
        }
        run.finished(report.skipped(), now);
    }

    /** Marks a run failed, with why. */
    @Transactional
    public void fail(String runId, String why, LocalDateTime now) {
        entityManager.find(SimilarityRun.class, runId).failed(why, now);
    }

    /** @return the latest run of the course's lab */
    public Optional<SimilarityRun> latest(String courseCode, String labId) {
        return entityManager.createQuery("SELECT r FROM SimilarityRun r WHERE r.courseCode = :course AND r.labId = "
                + ":lab ORDER BY r.startedAt DESC", SimilarityRun.class).setParameter("course", courseCode)
                .setParameter("lab", labId).setMaxResults(1).getResultStream().findFirst();
    }

    /** @return the run's pairs at or above a similarity (0 to 1), most alike first */
    public List<SimilarityPair> pairs(SimilarityRun run, double atLeast) {
        return entityManager.createQuery("SELECT p FROM SimilarityPair p WHERE p.run = :run AND "
                + "p.averageSimilarity >= :least ORDER BY p.averageSimilarity DESC, p.maxSimilarity DESC",
                SimilarityPair.class).setParameter("run", run).setParameter("least", atLeast).getResultList();
    }

    /** @return the pair, when it belongs to a run of that course */
    public Optional<SimilarityPair> pair(String pairId, String courseCode) {
        return Optional.ofNullable(entityManager.find(SimilarityPair.class, pairId))
                .filter(p -> p.getRun().getCourseCode().equals(courseCode));
    }
}
