package org.nnlab.grader.check;

import java.util.List;
import java.util.Optional;
import org.nnlab.grader.network.LayerDescription;
import org.nnlab.grader.network.NetworkDescription;
import org.nnlab.grader.network.RegularizationTerm;

/**
 * The learning rate and weight decay a saved network declares, as a hyperparameter search varies them: read from
 * its first layer with an updater. The learning rate is the one saved with the network, its final rate, which is
 * its only rate when no schedule changes it; the weight decay is the coefficient of that layer's weight decay (or
 * L2) term, 0 when it has none.
 *
 * @param learningRate the updater's learning rate
 * @param weightDecay  the weight decay or L2 coefficient, 0 without one
 */
record Hyperparameters(double learningRate, double weightDecay) {

    /** The names lab files use for the two, as in {@link #get(String)}. */
    static final List<String> NAMES = List.of("learningRate", "weightDecay");

    /** @return the hyperparameters of a run's saved network, if it has a layer with a fixed learning rate */
    static Optional<Hyperparameters> of(RunEvidence run) {
        NetworkDescription network = run.network();
        if (network == null) {
            return Optional.empty();
        }
        for (LayerDescription layer : network.layers()) {
            if (layer.hasUpdater() && !Double.isNaN(layer.learningRate())) {
                double decay = layer.regularization().stream()
                        .filter(term -> term.type().equals("WeightDecay") || term.type().equals("L2"))
                        .mapToDouble(RegularizationTerm::coefficient).findFirst().orElse(0);
                return Optional.of(new Hyperparameters(layer.learningRate(), decay));
            }
        }
        return Optional.empty();
    }

    /** @return the value of {@code learningRate} or {@code weightDecay} */
    double get(String name) {
        return name.equals("weightDecay") ? weightDecay : learningRate;
    }

    @Override
    public String toString() {
        return "learning rate " + Numbers.show(learningRate) + ", weight decay " + Numbers.show(weightDecay);
    }
}
