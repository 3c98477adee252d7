package org.nnlab.api;

/** A training run being recorded; see {@link LabContext#track}. */
public interface TrackedRun {

    /**
     * Marks the end of one training epoch and measures it: training loss as the mean of the minibatch scores since
     * the previous call, validation loss and accuracy on the whole validation part in inference mode, and the
     * learning rate the network's updater holds now.
     *
     * @return the metrics of the epoch just ended, e.g. to drive a learning-rate schedule
     */
    EpochMetrics endEpoch();
}
