package org.nnlab.grader.run;

import java.io.IOException;
import java.util.function.Consumer;
import org.nnlab.grader.lab.Lab;
import org.nnlab.protocol.ProgressLine;

/**
 * One job's training and evaluation sandboxes, each started before its input is ready and serving this job only:
 * the training sandbox starts with the job, while the submission compiles, and the evaluation sandbox (a fresh JVM)
 * when training begins. {@link #close()} stops a sandbox that was not used, e.g. when the code did not compile.
 */
public final class JobStages implements AutoCloseable {
    private final TrainingStage trainingStage;
    private final EvaluationStage evaluationStage;
    private final JobWorkspace workspace;
    private final Lab lab;
    private final LabData data;
    private final PreStartedRun training;
    private PreStartedRun evaluation;

    JobStages(TrainingStage trainingStage, EvaluationStage evaluationStage, JobWorkspace workspace, Lab lab,
              LabData data) throws IOException {
        this.trainingStage = trainingStage;
        this.evaluationStage = evaluationStage;
        this.workspace = workspace;
        this.lab = lab;
        this.data = data;
        this.training = trainingStage.start(workspace, lab, data);
    }

    /**
     * Trains the compiled submission; starts the evaluation sandbox meanwhile.
     *
     * @param progress hears each epoch as the harness measures it (untrusted, for display), on another thread
     * @return how the training sandbox ended
     */
    public TrainingOutcome train(Consumer<ProgressLine> progress) throws IOException {
        evaluation = evaluationStage.start(workspace, lab);
        return trainingStage.run(training, workspace, lab, data, progress);
    }

    /** @return the grader's measurement of each run's saved network, and how the evaluation sandbox ended */
    public EvaluationOutcome evaluate() throws IOException {
        if (evaluation == null) {
            throw new IllegalStateException("evaluate() comes after train()");
        }
        return evaluationStage.run(evaluation, workspace, lab, data);
    }

    /** Stops the sandboxes that were started and not used, and waits until they are cleaned up. */
    @Override
    public void close() {
        try {
            training.close();
        } finally {
            if (evaluation != null) {
                evaluation.close();
            }
        }
    }
}
