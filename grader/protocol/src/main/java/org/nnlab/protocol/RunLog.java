package org.nnlab.protocol;

import java.util.List;

/**
 * What the harness recorded of one tracked run.
 *
 * @param epochs               the epochs, in order
 * @param networkFile          the saved network (ModelSerializer zip), relative to the output directory, or null when
 *                             it could not be saved
 * @param trainedConfiguration the network's configuration (DL4J's MultiLayerConfiguration JSON) as it was when the
 *                             first epoch was recorded, i.e. what it trained with; null when no epoch was recorded
 * @param validationRowsFitted how many distinct rows of the validation part were among the minibatches the network
 *                             fitted; an honest run fits none
 */
public record RunLog(List<EpochRecord> epochs, String networkFile, String trainedConfiguration,
                     int validationRowsFitted) {

    /** Copies the list. */
    public RunLog {
        epochs = List.copyOf(epochs);
    }
}
