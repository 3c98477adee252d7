package org.nnlab.worker;

import java.sql.DriverManager;
import java.time.Clock;
import java.util.concurrent.Executors;
import org.nnlab.grader.Grader;
import org.nnlab.grader.sandbox.BubblewrapSandbox;
import org.nnlab.grader.sandbox.SandboxProbe;
import org.nnlab.worker.lab.LabStore;

/**
 * A grading worker as a process of its own, without the web app: {@code ./nnlab worker [--slots N] [--cores N]
 * [--data DIR] [--lease-seconds S] [--name NAME]}. It points at the platform's database ({@code NNLAB_DB_URL},
 * {@code NNLAB_DB_USER}, {@code NNLAB_DB_PASSWORD}, or the {@code nnlab.db.*} system properties: PostgreSQL, which
 * the platform instances share), declares what it offers (its cores, and how many jobs it grades at once: one per
 * core unless {@code --slots} says otherwise), and grades jobs from the shared queue until it is stopped. It refuses
 * to start where the machine cannot sandbox, or the database cannot be read, saying why (exit status 2).
 */
public final class WorkerCommand {
    private static final String USAGE = "usage: ./nnlab worker [--slots N] [--cores N] [--data DIR] "
            + "[--lease-seconds S] [--name NAME]\n  with NNLAB_DB_URL=jdbc:postgresql://HOST:5432/DB, NNLAB_DB_USER and "
            + "NNLAB_DB_PASSWORD: the platform's database";

    private WorkerCommand() {
    }

    /** Starts the worker; it runs until the process is stopped. */
    public static void main(String[] args) throws InterruptedException {
        WorkerSettings settings;
        try {
            settings = WorkerSettings.parse(args, System.getenv(), System.getProperties());
        } catch (IllegalArgumentException e) {
            System.err.println("nnlab worker: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        SandboxProbe probe = BubblewrapSandbox.probe();
        if (!probe.available()) {
            fail("this machine cannot sandbox student code, so it grades nothing: " + probe.problem());
        }
        ConnectionSource database = () -> DriverManager.getConnection(settings.url(), settings.user(),
                settings.password());
        GradingQueue queue = new GradingQueue(database, settings.lease(), Clock.systemUTC());
        try {
            queue.verify();
        } catch (QueueUnavailableException e) {
            fail(e.getMessage());
        }
        Grader grader = Grader.standard(new BubblewrapSandbox());
        LabRevisions labs = new StoredLabRevisions(database, new LabStore(settings.data().resolve("labs")),
                grader.labLoader());
        WorkerPool pool = new WorkerPool(queue, labs, () -> grader, settings.name(), settings.slots(),
                Executors.defaultThreadFactory());
        System.err.println("nnlab worker " + settings.name() + ": " + settings.slots() + " slot(s) on "
                + settings.cores() + " core(s), CPU only (ND4J's CPU backend); sandbox: " + probe.description()
                + "; database: " + settings.url() + "; labs unpacked into " + settings.data().resolve("labs"));
        Runtime.getRuntime().addShutdownHook(new Thread(pool::stop, "nnlab-worker-stop"));
        pool.start();
        Thread.currentThread().join();
    }

    private static void fail(String message) {
        System.err.println("nnlab worker: " + message);
        System.exit(2);
    }
}
