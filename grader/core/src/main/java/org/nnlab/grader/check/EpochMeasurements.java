package org.nnlab.grader.check;

import java.util.List;
import org.nnlab.protocol.TrainingJob;

/**
 * The grader's own measurement, on the validation part, of the weights the harness kept at the end of each epoch of
 * one run: each recorded epoch's validation figures can be checked against the weights the network had then.
 *
 * @param epochs     the measurement of each kept epoch, in order
 * @param parameters how many parameters the run's saved network has, which bounds how many epochs were kept
 * @param problem    why the kept weights could not be measured, or null
 */
public record EpochMeasurements(List<Measurement> epochs, long parameters, String problem) {

    /** Copies the list. */
    public EpochMeasurements {
        epochs = List.copyOf(epochs);
    }

    /** @return no measurement, for the reason given */
    public static EpochMeasurements failed(String problem) {
        return new EpochMeasurements(List.of(), 0, problem);
    }

    /** @return how many of that many recorded epochs the harness keeps the weights of, for this network */
    public int expectedEpochs(int recorded) {
        return (int) Math.min(recorded, TrainingJob.epochsOfWeightsKept(parameters));
    }
}
