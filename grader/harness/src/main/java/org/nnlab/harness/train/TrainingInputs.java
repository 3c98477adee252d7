package org.nnlab.harness.train;

import java.util.List;
import java.util.Map;
import org.nnlab.protocol.Matrix;

/**
 * What a solution trains with: the lab's seed, parameters and expected runs, and the training and validation parts.
 * Never the test part.
 *
 * @param seed       the lab seed
 * @param parameters the lab parameters, e.g. epochs and batch size
 * @param runs       the names of the runs the lab expects
 * @param classes    the number of classes
 * @param training   the training part, features and labels
 * @param validation the validation part, features and labels
 */
public record TrainingInputs(long seed, Map<String, Double> parameters, List<String> runs, int classes,
                             Matrix training, Matrix validation) {

    /** Copies the collections and checks that both parts are labelled. */
    public TrainingInputs {
        parameters = Map.copyOf(parameters);
        runs = List.copyOf(runs);
        if (training.labels() == null || validation.labels() == null) {
            throw new IllegalArgumentException("the training and validation parts must be labelled");
        }
    }
}
