package org.nnlab.platform.grading;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nnlab.grader.Grader;
import org.nnlab.grader.run.Spares;
import org.nnlab.platform.lab.LabCatalog;
import org.nnlab.worker.GradingQueue;
import org.nnlab.worker.WorkerPool;
import org.nnlab.worker.WorkerSlot;

/**
 * The platform's own grading workers, started with the application: {@code nnlab.grading.workers} of them
 * ({@code auto}, the default, is one per core; {@code 0} leaves grading to workers of their own, {@code ./nnlab
 * worker}), with {@code nnlab.grading.spares} spare sandboxes that idle workers start for the labs they graded last
 * ({@link Grader#withSpares}; {@code auto}, {@link Spares#auto}: one per worker, and after a burst of submissions five
 * per worker as far as a quarter of the memory holds them). They are the same {@link WorkerPool} as a
 * standalone worker's, on the platform's connection pool and its lab catalog, so a job is claimed, graded and settled
 * the same way wherever its worker runs.
 */
@ApplicationScoped
public class GradingWorkers {
    private static final Logger LOG = Logger.getLogger(GradingWorkers.class.getName());

    @Resource
    ManagedThreadFactory threadFactory;

    @Resource(lookup = "java:app/jdbc/nnlab")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "nnlab.grading.workers")
    String configuredWorkers;

    @Inject
    @ConfigProperty(name = "nnlab.grading.spares")
    String configuredSpares;

    @Inject
    @ConfigProperty(name = "nnlab.grading.lease.seconds")
    long leaseSeconds;

    @Inject
    LabCatalog catalog;

    @Inject
    GraderProvider graders;

    private WorkerPool pool;
    private Grader grader;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        int count = count("nnlab.grading.workers", configuredWorkers, Runtime.getRuntime().availableProcessors());
        if (count == 0) {
            LOG.info("no grading workers in this instance (nnlab.grading.workers=0): workers of their own grade");
            return;
        }
        GradingQueue queue = new GradingQueue(dataSource::getConnection, Duration.ofSeconds(leaseSeconds),
                Clock.systemUTC());
        grader = graders.grader().withSpares(spares(configuredSpares, count));
        List<WorkerSlot> slots = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            slots.add(WorkerSlot.cpu(i, () -> grader));
        }
        pool = new WorkerPool(queue, catalog::revision, ManagementFactory.getRuntimeMXBean().getName(), slots,
                threadFactory);
        pool.start();
    }

    /**
     * Stops the workers when the application begins to stop, before its data source goes: a worker claiming a job
     * then would fail.
     */
    void stopping(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        stop();
    }

    @PreDestroy
    void stop() {
        if (pool != null) {
            pool.stop();
            grader.stopSpares();
        }
    }

    /**
     * @param configured {@code nnlab.grading.spares}: {@code auto}, or a whole number from 0
     * @param workers    the workers that share the spares
     * @return the spares to keep: {@link Spares#auto} for the workers, or the number configured, burst or not
     * @throws IllegalArgumentException when the setting is neither
     */
    static Spares spares(String configured, int workers) {
        return "auto".equals(configured.trim()) ? Spares.auto(workers)
                : Spares.fixed(count("nnlab.grading.spares", configured, 0));
    }

    /**
     * @param key        the setting, for the message
     * @param configured {@code auto}, or a whole number from 0
     * @param auto       what {@code auto} means
     * @return how many to start
     * @throws IllegalArgumentException when the setting is neither
     */
    static int count(String key, String configured, int auto) {
        if ("auto".equals(configured.trim())) {
            return auto;
        }
        try {
            int count = Integer.parseInt(configured.trim());
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException(key + " must be auto or a whole number from 0, not " + configured);
    }
}
