package org.nnlab.api;

import java.io.PrintStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * What a lab gives a solution: the training and validation data, the lab's parameters and seed, and the means to
 * record training runs and report values. The test data is never given: the grader scores it on its own side.
 */
public interface LabContext {

    /**
     * @return the whole training part: features {@code [n, features]} as float32 scaled as the lab says (to [0, 1]
     *     for digits), labels one-hot {@code [n, classes]}
     */
    DataSet trainingSet();

    /** @return the whole validation part, in the same form as {@link #trainingSet()} */
    DataSet validationSet();

    /**
     * Minibatches of the training part for one epoch at a time. The order is reshuffled at each {@code reset()}
     * (which {@code MultiLayerNetwork.fit(DataSetIterator)} calls) from the lab seed, so runs are reproducible.
     *
     * @param batchSize examples per minibatch; the last one of an epoch may be smaller
     * @return a resettable iterator over the training part
     */
    DataSetIterator trainingBatches(int batchSize);

    /** @return the lab's seed; use it for weight initialization so that results are reproducible */
    long seed();

    /**
     * @param name a lab parameter, e.g. {@code "epochs"} or {@code "batchSize"}
     * @return its value
     * @throws IllegalArgumentException when the lab has no such integer parameter
     */
    int intParam(String name);

    /**
     * @param name a lab parameter, e.g. {@code "learningRate"}
     * @return its value
     * @throws IllegalArgumentException when the lab has no such numeric parameter
     */
    double doubleParam(String name);

    /**
     * Starts recording a training run. Call {@link TrackedRun#endEpoch()} once after each epoch of training. At the
     * end of {@link LabSolution#train} the network is saved, and the grader measures it again on its own side.
     *
     * @param runName the run's name as the lab asks for it, e.g. {@code "A"}
     * @param network the network being trained; it must be initialized ({@code network.init()})
     * @return the handle to mark the end of each epoch
     * @throws IllegalArgumentException when the name is not one the lab expects or is already tracked
     */
    TrackedRun track(String runName, MultiLayerNetwork network);

    /**
     * Reports a value the lab asks for.
     *
     * @param key   the key the lab names, e.g. {@code "A.bestValidationAccuracy"}
     * @param value the value
     */
    void report(String key, double value);

    /** @return where to print progress; what is printed is shown to the student, capped in length */
    PrintStream log();
}
