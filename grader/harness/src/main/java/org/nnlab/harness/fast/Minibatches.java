package org.nnlab.harness.fast;

/** One epoch's minibatches, handed out as row-major float arrays. */
public interface Minibatches {
    /** @return the most rows a minibatch has */
    int batchSize();

    /**
     * Copies the next minibatch into the arrays.
     *
     * @param features {@code batchSize() x features} values, row after row
     * @param labels   {@code batchSize() x classes} one-hot labels, row after row
     * @return how many rows were copied, 0 when the epoch is over
     */
    int next(float[] features, float[] labels);
}
