package org.nnlab.worker;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Renews the leases of the jobs this process's workers are grading, every third of the lease, so that a lease
 * expires only when its worker died (or its process was killed), never because a grading took longer than the
 * lease. A short lease then brings a dead worker's job back to the queue soon, without a living worker's job being
 * claimed twice.
 */
final class LeaseKeeper {
    private static final Logger LOG = Logger.getLogger(LeaseKeeper.class.getName());
    private static final Duration SHORTEST_INTERVAL = Duration.ofSeconds(1);
    private final Map<String, Integer> held = new ConcurrentHashMap<>();
    private final BiPredicate<String, Integer> renewal;

    /** @param renewal renews the lease of a job for an attempt, and says whether that attempt still held it */
    LeaseKeeper(BiPredicate<String, Integer> renewal) {
        this.renewal = renewal;
    }

    /** Keeps the lease of a job that a worker of this process just claimed. */
    void hold(ClaimedJob job) {
        held.put(job.id(), job.attempt());
    }

    /** Stops renewing a job's lease, once its worker settled it. */
    void release(ClaimedJob job) {
        held.remove(job.id(), job.attempt());
    }

    /** @return the ids of the jobs whose leases are kept */
    Set<String> held() {
        return Set.copyOf(held.keySet());
    }

    /**
     * Renews every kept lease once. A lease that could not be renewed (it ended, and the job may be another
     * attempt's now) is no longer kept; one that failed for a reason of the database's is tried again next time.
     */
    void renewAll() {
        held.forEach((jobId, attempt) -> {
            try {
                if (!renewal.test(jobId, attempt)) {
                    held.remove(jobId, attempt);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the lease of job " + jobId + " could not be renewed; tried again later", e);
            }
        });
    }

    /** @return how often leases of this length are renewed: a third of the lease, at least a second */
    static Duration interval(Duration lease) {
        Duration third = lease.dividedBy(3);
        return third.compareTo(SHORTEST_INTERVAL) < 0 ? SHORTEST_INTERVAL : third;
    }
}
