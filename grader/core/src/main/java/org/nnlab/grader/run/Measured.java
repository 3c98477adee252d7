package org.nnlab.grader.run;

import org.nnlab.grader.check.Measurement;

/**
 * The grader's own measurement of one run's saved network.
 *
 * @param validation on the validation part, or null
 * @param test       on the hidden test part, or null
 * @param problem    why it could not be measured, or null
 */
public record Measured(Measurement validation, Measurement test, String problem) {
}
