package org.nnlab.grader.network;

import java.util.List;

/**
 * A saved network's declared configuration. It is plain editable JSON: what it declares shows how the network is
 * configured now, not proof of how it was trained.
 *
 * @param layers     the layers, input first
 * @param epochCount the epoch counter saved with the network
 */
public record NetworkDescription(List<LayerDescription> layers, long epochCount) {

    /** Copies the list. */
    public NetworkDescription {
        layers = List.copyOf(layers);
    }
}
