package org.nnlab.grader.check;

import java.util.List;
import org.nnlab.grader.network.NetworkDescription;
import org.nnlab.protocol.EpochRecord;

/**
 * What is known of one run: the curves the harness recorded (untrusted), the configuration its saved network
 * declares, and the grader's own measurements of that network.
 *
 * @param name       the run's name
 * @param epochs     recorded epochs, in order
 * @param network    the saved network's configuration, or null
 * @param problem    why there is no network or no measurement, or null
 * @param validation the grader's measurement on the validation part, or null
 * @param test       the grader's measurement on the hidden test part, or null
 */
public record RunEvidence(String name, List<EpochRecord> epochs, NetworkDescription network, String problem,
                          Measurement validation, Measurement test) {

    /** Copies the list. */
    public RunEvidence {
        epochs = List.copyOf(epochs);
    }
}
