package org.nnlab.worker;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.nnlab.grader.Grader;
import org.nnlab.grader.run.GpuDevice;
import org.nnlab.grader.run.GraderHome;
import org.nnlab.grader.run.Spares;
import org.nnlab.grader.sandbox.BubblewrapSandbox;
import org.nnlab.grader.sandbox.SandboxProbe;
import org.nnlab.worker.lab.LabStore;

/**
 * A grading worker as a process of its own, without the web app: {@code ./nnlab worker [--slots N] [--spares N|auto]
 * [--cores N] [--data DIR] [--lease-seconds S] [--name NAME] [--gpus N [--gpu-slots M] [--gpu-memory-mb MB]
 * [--cuda-home DIR]]}. It points at the platform's database ({@code NNLAB_DB_URL}, {@code NNLAB_DB_USER},
 * {@code NNLAB_DB_PASSWORD}, or the {@code nnlab.db.*} system properties: PostgreSQL, which the platform instances
 * share), declares what it offers (its cores, and how many jobs it grades at once: one per core unless
 * {@code --slots} says otherwise, with {@code --spares} spare sandboxes that its idle slots start for the labs they
 * graded last, by default ({@code auto}, {@link Spares#auto}) one per slot and after a burst five per slot as far as
 * a quarter of the memory holds them; with {@code --gpus}, that many GPUs shared by {@code --gpu-slots} jobs
 * each, each job bounded to {@code --gpu-memory-mb} of device memory), and grades jobs from the shared queue until it
 * is stopped. It refuses to start where the machine cannot sandbox, lacks a GPU it declares or the CUDA grader home,
 * or the database cannot be read, saying why (exit status 2).
 */
public final class WorkerCommand {
    private static final String USAGE = "usage: ./nnlab worker [--slots N] [--spares N|auto] [--cores N] [--data DIR] "
            + "[--lease-seconds S] [--name NAME]\n"
            + "    [--gpus N [--gpu-slots M] [--gpu-memory-mb MB] [--cuda-home DIR]]\n"
            + "  with NNLAB_DB_URL=jdbc:postgresql://HOST:5432/DB, NNLAB_DB_USER and NNLAB_DB_PASSWORD: the platform's "
            + "database";

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
        Grader grader = Grader.standard(new BubblewrapSandbox());
        Grader cpu = grader.withSpares(settings.spares());
        List<WorkerSlot> slots = new ArrayList<>();
        for (int i = 1; i <= settings.slots(); i++) {
            slots.add(WorkerSlot.cpu(i, () -> cpu));
        }
        slots.addAll(gpuSlots(settings, grader));
        ConnectionSource database = () -> DriverManager.getConnection(settings.url(), settings.user(),
                settings.password());
        GradingQueue queue = new GradingQueue(database, settings.lease(), Clock.systemUTC());
        try {
            queue.verify();
        } catch (QueueUnavailableException e) {
            fail(e.getMessage());
        }
        LabRevisions labs = new StoredLabRevisions(database, new LabStore(settings.data().resolve("labs")),
                grader.labLoader());
        WorkerPool pool = new WorkerPool(queue, labs, settings.name(), slots, Executors.defaultThreadFactory());
        System.err.println("nnlab worker " + settings.name() + ": " + settings.slots() + " CPU slot(s) on "
                + settings.cores() + " core(s), " + settings.spares() + " spare sandbox(es), "
                + (settings.gpus() == 0 ? "no GPU" : settings.gpus()
                + " GPU(s) with " + settings.gpuSlots() + " slot(s) each and " + settings.gpuMemoryMb()
                + " MB of device memory per job") + "; sandbox: " + probe.description() + "; database: "
                + settings.url() + "; labs unpacked into " + settings.data().resolve("labs"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            pool.stop();
            cpu.stopSpares();
        }, "nnlab-worker-stop"));
        pool.start();
        Thread.currentThread().join();
    }

    /**
     * @return the slots of the GPUs the settings declare, {@code --gpu-slots} per GPU, each training on its GPU with
     *     the CUDA grader home; the worker ends, saying why, when the machine lacks one of them or that home
     */
    private static List<WorkerSlot> gpuSlots(WorkerSettings settings, Grader grader) {
        List<WorkerSlot> slots = new ArrayList<>();
        if (settings.gpus() == 0) {
            return slots;
        }
        GraderHome cuda = cudaHome(settings.cudaHome());
        for (int device = 0; device < settings.gpus(); device++) {
            GpuDevice gpu = new GpuDevice(device, settings.gpuMemoryMb() * 1024L * 1024);
            if (!gpu.present()) {
                fail("--gpus " + settings.gpus() + " declares GPU " + device + ", but this machine has no "
                        + gpu.deviceFile() + " (or no /dev/nvidiactl): is NVIDIA's driver loaded?");
            }
            Grader onGpu = grader.onGpu(cuda, gpu);
            for (int i = 1; i <= settings.gpuSlots(); i++) {
                slots.add(WorkerSlot.gpu(device, i, () -> onGpu));
            }
        }
        return slots;
    }

    private static GraderHome cudaHome(Path folder) {
        try {
            return GraderHome.at(folder);
        } catch (IllegalStateException e) {
            fail("--gpus needs the grader home with ND4J's CUDA backend, which is not at " + folder + ": build it "
                    + "with 'mvn -P cuda -DskipTests package', or name it with --cuda-home");
            throw e;
        }
    }

    private static void fail(String message) {
        System.err.println("nnlab worker: " + message);
        System.exit(2);
    }
}
