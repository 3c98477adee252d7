package org.nnlab.grader.result;

import java.util.List;

/**
 * One run: its recorded curves and the grader's own measurements of its saved network.
 *
 * @param epochs             the recorded epochs
 * @param validationAccuracy validation accuracy of the final network, measured by the grader, or null
 * @param testAccuracy       accuracy on the hidden test part, measured by the grader, or null (for instructors)
 */
public record RunResult(List<EpochResult> epochs, Double validationAccuracy, Double testAccuracy) {

    /** Copies the list. */
    public RunResult {
        epochs = List.copyOf(epochs);
    }
}
