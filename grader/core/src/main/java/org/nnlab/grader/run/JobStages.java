package org.nnlab.grader.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.nnlab.grader.lab.Lab;
import org.nnlab.protocol.ProgressLine;

/**
 * One job's folders and its training and evaluation sandboxes, each started before its input is ready and serving
 * this job only. A job's own stages start the training sandbox with the job, while the submission compiles, and the
 * evaluation sandbox (a fresh JVM) when training begins. A spare's ({@link SpareStages}) start both at once, while a
 * worker is idle, and wait for a job of their lab. {@link #close()} stops a sandbox that was not used, e.g. when the
 * code did not compile, and deletes the folders.
 */
public final class JobStages implements AutoCloseable {
    private final TrainingStage trainingStage;
    private final EvaluationStage evaluationStage;
    private final JobWorkspace workspace;
    private final Lab lab;
    private final LabData data;
    private final PreStartedRun training;
    private final boolean spare;
    private PreStartedRun evaluation;

    private JobStages(TrainingStage trainingStage, EvaluationStage evaluationStage, JobWorkspace workspace, Lab lab,
                      LabData data, Duration idle) throws IOException {
        this.trainingStage = trainingStage;
        this.evaluationStage = evaluationStage;
        this.workspace = workspace;
        this.lab = lab;
        this.data = data;
        this.spare = !idle.isZero();
        this.training = trainingStage.start(workspace, lab, data, idle, spare);
        if (spare) {
            evaluation = evaluationStage.start(workspace, lab, idle);
        }
    }

    /**
     * Makes the job's folders under {@code workRoot} and starts its sandboxes.
     *
     * @param idle zero for a job's own stages; for a spare's, how long they may wait before their job comes
     */
    static JobStages start(TrainingStage trainingStage, EvaluationStage evaluationStage, Path workRoot, Lab lab,
                           LabData data, Duration idle) throws IOException {
        JobWorkspace workspace = JobWorkspace.create(workRoot);
        try {
            return new JobStages(trainingStage, evaluationStage, workspace, lab, data, idle);
        } catch (IOException | RuntimeException e) {
            workspace.close();
            throw e;
        }
    }

    /** @return the job's folders */
    public JobWorkspace workspace() {
        return workspace;
    }

    /** @return whether every sandbox started so far still waits for its job (a spare's may have ended) */
    boolean waiting() {
        return training.waiting() && (evaluation == null || evaluation.waiting());
    }

    /**
     * @return whether the training JVM compiles the submission itself ({@link #compileAndTrain}): a spare's, which
     *     warmed javac up while it waited; otherwise the submission is compiled in a sandbox of its own, into
     *     {@link JobWorkspace#classes()}, before {@link #train}
     */
    public boolean compilesInTrainingJvm() {
        return spare;
    }

    /**
     * Compiles the submission in the training JVM, then trains it there when it compiled.
     *
     * @param sources  relative path to source text
     * @param progress hears each epoch as the harness measures it (untrusted, for display), on another thread
     * @param compiled  called once, on another thread, when the training JVM reports that the code compiled and
     *                  training begins (untrusted, for display)
     * @return how the training sandbox ended, with {@link TrainingOutcome#compiled()}; a submission that did not
     *     compile has no report
     * @throws IllegalStateException when the training JVM does not compile ({@link #compilesInTrainingJvm()})
     */
    public TrainingOutcome compileAndTrain(Map<String, String> sources, Consumer<ProgressLine> progress,
                                           Runnable compiled) throws IOException {
        if (!spare) {
            throw new IllegalStateException("this job's training JVM does not compile: compile, then train()");
        }
        return trainingStage.compileAndRun(training, workspace, lab, data, sources, progress, compiled);
    }

    /**
     * Trains the compiled submission; starts the evaluation sandbox meanwhile, when it is not started yet.
     *
     * @param progress hears each epoch as the harness measures it (untrusted, for display), on another thread
     * @return how the training sandbox ended
     * @throws IllegalStateException for a spare's stages, whose JVM compiles ({@link #compileAndTrain})
     */
    public TrainingOutcome train(Consumer<ProgressLine> progress) throws IOException {
        if (spare) {
            throw new IllegalStateException("a spare's training JVM compiles the submission: compileAndTrain()");
        }
        if (evaluation == null) {
            evaluation = evaluationStage.start(workspace, lab, Duration.ZERO);
        }
        return trainingStage.run(training, workspace, lab, data, progress);
    }

    /** @return the grader's measurement of each run's saved network, and how the evaluation sandbox ended */
    public EvaluationOutcome evaluate() throws IOException {
        if (evaluation == null) {
            throw new IllegalStateException("evaluate() comes after train()");
        }
        return evaluationStage.run(evaluation, workspace, lab, data);
    }

    /** Stops the sandboxes that were started and not used, waits until they are cleaned up, deletes the folders. */
    @Override
    public void close() throws IOException {
        try {
            training.close();
        } finally {
            try {
                if (evaluation != null) {
                    evaluation.close();
                }
            } finally {
                workspace.close();
            }
        }
    }
}
