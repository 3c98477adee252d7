package org.nnlab.harness.fast;

/** One epoch's minibatches, handed out row by row. */
public interface Minibatches {
    /** @return the most rows a minibatch has */
    int batchSize();

    /**
     * Copies the next minibatch into the rows.
     *
     * @param features {@code batchSize()} rows of the features
     * @param labels   {@code batchSize()} rows of one-hot labels
     * @return how many rows were copied, 0 when the epoch is over
     */
    int next(float[][] features, float[][] labels);
}
