package org.nnlab.grader.run;

import java.util.List;
import org.nnlab.grader.check.EpochMeasurements;
import org.nnlab.grader.check.Measurement;
import org.nnlab.protocol.LayerActivity;
import org.nnlab.protocol.LayerSymmetry;

/**
 * The grader's own measurement of one run's saved network.
 *
 * @param validation     on the validation part, or null
 * @param test           on the hidden test part, or null
 * @param trainingSubset on the first rows of the training part the lab names, or null when it names none
 * @param symmetry       the distinct units of each layer with weights, in layer order; empty when unknown
 * @param epochs         the measurement of its weights at each epoch's end, or null when unknown
 * @param activity       the units of each hidden layer that never fire on the validation part; empty when unknown
 * @param problem        why it could not be measured, or null
 */
public record Measured(Measurement validation, Measurement test, Measurement trainingSubset,
                       List<LayerSymmetry> symmetry, EpochMeasurements epochs, List<LayerActivity> activity,
                       String problem) {

    /** Copies the lists. */
    public Measured {
        symmetry = List.copyOf(symmetry);
        activity = List.copyOf(activity);
    }

    /** @return no measurement, for the reason given */
    public static Measured failed(String problem) {
        return new Measured(null, null, null, List.of(), null, List.of(), problem);
    }
}
