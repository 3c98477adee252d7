package org.nnlab.protocol;

/**
 * How many units of one hidden layer of a saved network never fire: their output is 0 for every validation example.
 * A ReLU unit pushed to negative inputs for good (a "dead ReLU") gets no gradient and stays dead.
 *
 * @param layer     the layer's index in the network, 0 for the first
 * @param units     how many units (outputs) the layer has
 * @param deadUnits how many of them output 0 for every validation example
 */
public record LayerActivity(int layer, int units, int deadUnits) {

    /** @return the share of the layer's units that never fire, from 0 to 1 */
    public double deadShare() {
        return units == 0 ? 0 : (double) deadUnits / units;
    }
}
