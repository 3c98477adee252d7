package org.nnlab.grader.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.nnlab.grader.lab.Lab;
import org.nnlab.grader.sandbox.Mount;
import org.nnlab.grader.sandbox.Sandbox;

/**
 * The training and evaluation stages, sharing one sandbox and the prepared native libraries, and the spare stages
 * started ahead of their jobs ({@link #startSpare}).
 */
public final class StageRunner implements AutoCloseable {
    private final GraderHome home;
    private final Sandbox sandbox;
    private final NativeLibraries natives;
    private final GpuTraining gpu;
    private final Path workRoot;
    private final SpareStages spares;
    private SandboxedJvm jvm;
    private SandboxedJvm trainingJvm;

    /**
     * @param home    the sandbox installation
     * @param sandbox where the stages run
     * @param natives ND4J's native libraries
     * @param workRoot where job folders are made; it must be enterable by other users
     */
    public StageRunner(GraderHome home, Sandbox sandbox, NativeLibraries natives, Path workRoot) {
        this(home, sandbox, natives, workRoot, null, Spares.NONE);
    }

    /**
     * @param gpu    how training runs on a GPU, or null to train on the CPU as the other stages run
     * @param spares how many spare stages wait ({@link #startSpare}), steady and after a burst of gradings
     */
    public StageRunner(GraderHome home, Sandbox sandbox, NativeLibraries natives, Path workRoot, GpuTraining gpu,
                       Spares spares) {
        this.home = home;
        this.sandbox = sandbox;
        this.natives = natives;
        this.workRoot = workRoot;
        this.gpu = gpu;
        this.spares = new SpareStages(spares, System::nanoTime);
    }

    /** Unpacks the native libraries if needed; call before the stages. */
    public synchronized void prepare() {
        if (jvm == null) {
            jvm = new SandboxedJvm(home, natives, natives.prepare(home));
            trainingJvm = gpu == null ? jvm : new SandboxedJvm(gpu.home(), gpu.natives(),
                    gpu.natives().prepare(gpu.home()), gpu.device());
        }
    }

    /** @return the ND4J backend training runs on, e.g. {@code nd4j-native 1.0.0-M2.1 (CPU)} */
    public String trainingBackend() {
        return gpu == null ? home.nd4jBackend() : gpu.home().nd4jBackend() + " on GPU " + gpu.device().index();
    }

    /** @return the read-only mounts every sandboxed stage needs */
    public List<Mount> baseMounts() {
        prepare();
        return jvm.baseMounts();
    }

    /** @return the class-data-sharing archive of javac's classes, inside {@link #baseMounts()} */
    public Path javacArchive() {
        prepare();
        return natives.javacArchive();
    }

    /**
     * Takes a spare started for this lab and data, or starts the job's training sandbox at once, so that its JVM and
     * ND4J start while the submission compiles.
     *
     * @return the job's stages, with its folders; close them when the grading ends
     */
    public JobStages start(Lab lab, LabData data) throws IOException {
        Optional<JobStages> spare = spares.take(lab, data);
        if (spare.isPresent()) {
            return spare.get();
        }
        return startStages(lab, data, Duration.ZERO);
    }

    /**
     * Starts a spare for this lab, while a worker is idle: its training and evaluation sandboxes start and warm up,
     * then wait until a grading of the lab takes them, for up to {@link SpareStages#IDLE}. Does nothing when as many
     * wait as are wanted now ({@link Spares}), or when the last one started less than {@link SpareStages#SPACING}
     * ago.
     *
     * @param data the lab's data, prepared only when a spare is started
     * @return whether a spare was started
     */
    public boolean startSpare(Lab lab, Supplier<LabData> data) throws IOException {
        if (!spares.reserve()) {
            return false;
        }
        LabData prepared = data.get();
        spares.add(lab, prepared, startStages(lab, prepared, SpareStages.IDLE));
        return true;
    }

    private JobStages startStages(Lab lab, LabData data, Duration idle) throws IOException {
        prepare();
        return JobStages.start(new TrainingStage(sandbox, trainingJvm, home.compileClasspath()),
                new EvaluationStage(sandbox, jvm), workRoot, lab, data, idle);
    }

    /** @return how many spares wait now */
    public int spareCount() {
        return spares.size();
    }

    /** Stops the spares and keeps none from now on; gradings go on without them. */
    @Override
    public void close() {
        spares.close();
    }
}
