package org.nnlab.grader.network;

import java.util.List;

/**
 * One layer of a saved network, as its configuration declares it.
 *
 * @param type           the layer class's simple name, e.g. {@code DenseLayer}
 * @param inputs         its number of inputs ({@code nIn}), or -1 when it has none
 * @param outputs        its number of outputs ({@code nOut}), or -1 when it has none
 * @param activation     the activation's name, e.g. {@code ReLU}, or null
 * @param dropoutType    the dropout class's simple name, e.g. {@code Dropout}, or null without dropout
 * @param retainProbability for {@code Dropout}: the probability to KEEP an input (DL4J's {@code dropOut(x)});
 *                       NaN otherwise
 * @param regularization the regularization of its weights
 * @param updater        the updater's simple name, e.g. {@code Adam}, or null
 * @param learningRate   the updater's current learning rate, NaN when it has none or a schedule
 * @param gradientNormalization DL4J's {@code GradientNormalization} of the layer, e.g. {@code ClipL2PerLayer};
 *                       {@code None} when it has none
 * @param gradientNormalizationThreshold the clipping threshold, NaN when none is declared
 */
public record LayerDescription(String type, long inputs, long outputs, String activation, String dropoutType,
                               double retainProbability, List<RegularizationTerm> regularization, String updater,
                               double learningRate, String gradientNormalization,
                               double gradientNormalizationThreshold) {

    /** Copies the list. */
    public LayerDescription {
        regularization = List.copyOf(regularization);
    }

    /** @return whether the layer applies dropout to its input (a retain probability of 1 is none) */
    public boolean hasDropout() {
        return dropoutType != null && !(dropoutType.equals("Dropout") && retainProbability >= 1.0);
    }

    /** @return whether the layer has trainable parameters that an updater changes */
    public boolean hasUpdater() {
        return updater != null;
    }
}
