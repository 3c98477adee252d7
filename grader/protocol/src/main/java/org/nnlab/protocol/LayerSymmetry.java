package org.nnlab.protocol;

/**
 * How many different units one layer of a saved network has. Two units are the same when their incoming weight
 * vectors and their biases are equal within a tiny tolerance: such units compute the same function, receive the same
 * gradient and stay copies of each other, which is what an initialization that does not break symmetry leaves.
 *
 * @param layer         the layer's index in the network, 0 for the first
 * @param units         how many units (outputs) the layer has
 * @param distinctUnits how many of them differ from one another, from 1 (all copies) to {@code units}
 * @param hidden        false for the network's output layer
 */
public record LayerSymmetry(int layer, int units, int distinctUnits, boolean hidden) {

    /** @return whether every unit of the layer is a copy of one unit */
    public boolean allIdentical() {
        return distinctUnits == 1;
    }

    /** @return whether no two units of the layer are copies of each other */
    public boolean allDistinct() {
        return distinctUnits == units;
    }
}
