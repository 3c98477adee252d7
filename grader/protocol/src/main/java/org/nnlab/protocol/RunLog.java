package org.nnlab.protocol;

import java.util.List;

/**
 * What the harness recorded of one tracked run.
 *
 * @param epochs      the epochs, in order
 * @param networkFile the saved network (ModelSerializer zip), relative to the output directory, or null when it
 *                    could not be saved
 */
public record RunLog(List<EpochRecord> epochs, String networkFile) {

    /** Copies the list. */
    public RunLog {
        epochs = List.copyOf(epochs);
    }
}
