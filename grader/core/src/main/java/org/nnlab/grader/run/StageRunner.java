package org.nnlab.grader.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.nnlab.grader.lab.Lab;
import org.nnlab.grader.sandbox.Mount;
import org.nnlab.grader.sandbox.Sandbox;

/** The training and evaluation stages, sharing one sandbox and the prepared native libraries. */
public final class StageRunner {
    private final GraderHome home;
    private final Sandbox sandbox;
    private final NativeLibraries natives;
    private final GpuTraining gpu;
    private SandboxedJvm jvm;
    private SandboxedJvm trainingJvm;

    /**
     * @param home    the sandbox installation
     * @param sandbox where the stages run
     * @param natives ND4J's native libraries
     */
    public StageRunner(GraderHome home, Sandbox sandbox, NativeLibraries natives) {
        this(home, sandbox, natives, null);
    }

    /**
     * @param gpu how training runs on a GPU, or null to train on the CPU as the other stages run
     */
    public StageRunner(GraderHome home, Sandbox sandbox, NativeLibraries natives, GpuTraining gpu) {
        this.home = home;
        this.sandbox = sandbox;
        this.natives = natives;
        this.gpu = gpu;
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
     * Starts the job's training sandbox at once, so that its JVM and ND4J start while the submission compiles.
     *
     * @return the job's stages; close them when the grading ends
     */
    public JobStages start(JobWorkspace workspace, Lab lab, LabData data) throws IOException {
        prepare();
        return new JobStages(new TrainingStage(sandbox, trainingJvm), new EvaluationStage(sandbox, jvm), workspace,
                lab, data);
    }
}
