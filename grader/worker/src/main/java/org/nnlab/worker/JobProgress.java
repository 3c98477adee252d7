package org.nnlab.worker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnlab.grader.GradingListener;
import org.nnlab.grader.result.EpochResult;
import org.nnlab.protocol.EpochRecord;

/**
 * Writes what a grading job is doing into the job, where the submission page polls it: the stage, and while
 * training, the run, the epoch and the curves so far. Stages arrive on the grading thread and epochs on the thread
 * that follows the harness, hence the locking.
 */
final class JobProgress implements GradingListener {
    private final GradingQueue queue;
    private final String jobId;
    private final int attempt;
    private final int epochs;
    private final List<String> runs;
    private final Map<String, List<EpochResult>> curves = new LinkedHashMap<>();
    private String stage = "";

    /**
     * @param queue  where progress is recorded
     * @param jobId   the job
     * @param attempt the attempt that grades it: progress of an attempt that lost the job is not shown
     * @param epochs the lab's epochs parameter, or null when it has none
     * @param runs   the runs the lab asks for
     */
    JobProgress(GradingQueue queue, String jobId, int attempt, Double epochs, List<String> runs) {
        this.queue = queue;
        this.jobId = jobId;
        this.attempt = attempt;
        this.epochs = epochs == null ? 0 : epochs.intValue();
        this.runs = List.copyOf(runs);
    }

    @Override
    public synchronized void stage(Stage next) {
        stage = next.description();
        save(null, 0);
    }

    @Override
    public synchronized void epoch(String run, EpochRecord epoch) {
        curves.computeIfAbsent(run, name -> new ArrayList<>()).add(EpochResult.of(epoch));
        save(run, epoch.epoch());
    }

    private void save(String run, int epoch) {
        queue.progress(jobId, attempt, new LiveProgress(stage, run, epoch, epochs, runs, curves).toJson());
    }
}
