package org.nnlab.harness.fast;

/** Told of each minibatch fitted, as a DL4J training listener would be. */
@FunctionalInterface
public interface MinibatchSink {
    /**
     * @param score        the minibatch's score before the update: mean loss plus the regularization score
     * @param gradientNorm the L2 norm of the minibatch's mean gradient, before regularization and the updater
     */
    void fitted(double score, double gradientNorm);
}
