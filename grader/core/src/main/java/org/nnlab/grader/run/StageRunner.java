package org.nnlab.grader.run;

import java.io.IOException;
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

    /**
     * @param progress hears each epoch as the harness measures it (untrusted, for display), on another thread
     * @return how the training sandbox ended
     */
    public TrainingOutcome train(JobWorkspace workspace, Lab lab, LabData data,
                                 java.util.function.Consumer<org.nnlab.protocol.ProgressLine> progress)
            throws IOException {
        prepare();
        return new TrainingStage(sandbox, trainingJvm).run(workspace, lab, data, progress);
    }

    /** @return the grader's measurement of each run's saved network, and how the evaluation sandbox ended */
    public EvaluationOutcome evaluate(JobWorkspace workspace, Lab lab, LabData data) throws IOException {
        prepare();
        return new EvaluationStage(sandbox, jvm).run(workspace, lab, data);
    }
}
