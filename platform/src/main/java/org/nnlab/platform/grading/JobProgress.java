package org.nnlab.platform.grading;

import org.nnlab.grader.GradingListener;
import org.nnlab.protocol.EpochRecord;

/**
 * Writes what a grading job is doing into the job, where the submission page polls it: the stage, and while
 * training, the run and epoch (e.g. "training run A: epoch 17 of 40").
 */
final class JobProgress implements GradingListener {
    private final JobQueue queue;
    private final String jobId;
    private final Double epochs;

    /**
     * @param queue  where progress is recorded
     * @param jobId  the job
     * @param epochs the lab's epochs parameter, or null when it has none
     */
    JobProgress(JobQueue queue, String jobId, Double epochs) {
        this.queue = queue;
        this.jobId = jobId;
        this.epochs = epochs;
    }

    @Override
    public void stage(Stage stage) {
        queue.progress(jobId, stage.description());
    }

    @Override
    public void epoch(String run, EpochRecord epoch) {
        queue.progress(jobId, "training run " + run + ": epoch " + epoch.epoch()
                + (epochs == null ? "" : " of " + epochs.intValue()));
    }
}
