package org.nnlab.grader.check;

import java.util.List;
import org.nnlab.grader.network.NetworkDescription;
import org.nnlab.protocol.EpochRecord;
import org.nnlab.protocol.LayerActivity;
import org.nnlab.protocol.LayerSymmetry;

/**
 * What is known of one run: the curves the harness recorded (untrusted), the configuration its saved network
 * declares, and the grader's own measurements of that network.
 *
 * @param name           the run's name
 * @param epochs         recorded epochs, in order
 * @param network        the saved network's configuration, or null
 * @param problem        why there is no network or no measurement, or null
 * @param validation     the grader's measurement on the validation part, or null
 * @param test           the grader's measurement on the hidden test part, or null
 * @param trainingSubset the grader's measurement on the first rows of the training part that the lab's
 *                       {@code evaluate.trainingSubset} names, or null
 * @param symmetry       the distinct units of each layer with weights of the saved network, as the evaluation
 *                       sandbox counted them; empty when unknown
 * @param trainedNetwork the configuration the network had when its first epoch was recorded, i.e. what it trained
 *                       with (untrusted, like the curves); null when unknown
 * @param validationRowsFitted how many distinct validation rows the harness saw among the minibatches the network
 *                       fitted (untrusted, like the curves)
 * @param epochMeasurements the grader's measurement of the weights kept at each epoch's end; null when none was
 *                       asked for
 * @param activity       the units of each hidden layer of the saved network that never fire on the validation part,
 *                       as the evaluation sandbox counted them; empty when unknown
 */
public record RunEvidence(String name, List<EpochRecord> epochs, NetworkDescription network, String problem,
                          Measurement validation, Measurement test, Measurement trainingSubset,
                          List<LayerSymmetry> symmetry, NetworkDescription trainedNetwork, int validationRowsFitted,
                          EpochMeasurements epochMeasurements, List<LayerActivity> activity) {

    /** Copies the lists. */
    public RunEvidence {
        epochs = List.copyOf(epochs);
        symmetry = List.copyOf(symmetry);
        activity = List.copyOf(activity);
    }

    /** Evidence of a run whose hidden units' activity is unknown. */
    public RunEvidence(String name, List<EpochRecord> epochs, NetworkDescription network, String problem,
                       Measurement validation, Measurement test, Measurement trainingSubset,
                       List<LayerSymmetry> symmetry, NetworkDescription trainedNetwork, int validationRowsFitted,
                       EpochMeasurements epochMeasurements) {
        this(name, epochs, network, problem, validation, test, trainingSubset, symmetry, trainedNetwork,
                validationRowsFitted, epochMeasurements, List.of());
    }

    /** Evidence of a run whose epochs were not measured again. */
    public RunEvidence(String name, List<EpochRecord> epochs, NetworkDescription network, String problem,
                       Measurement validation, Measurement test, Measurement trainingSubset,
                       List<LayerSymmetry> symmetry, NetworkDescription trainedNetwork, int validationRowsFitted) {
        this(name, epochs, network, problem, validation, test, trainingSubset, symmetry, trainedNetwork,
                validationRowsFitted, null);
    }

    /** Evidence of a run whose trained configuration is unknown. */
    public RunEvidence(String name, List<EpochRecord> epochs, NetworkDescription network, String problem,
                       Measurement validation, Measurement test, Measurement trainingSubset,
                       List<LayerSymmetry> symmetry) {
        this(name, epochs, network, problem, validation, test, trainingSubset, symmetry, null, 0);
    }

    /**
     * @return the configuration the network trained with where it is known, else the saved one: what regularization
     *     checks judge, since regularization put on the configuration after training did nothing
     */
    public NetworkDescription trainedOrSavedNetwork() {
        return trainedNetwork != null ? trainedNetwork : network;
    }

    /** Evidence of a run measured on the validation and test parts only. */
    public RunEvidence(String name, List<EpochRecord> epochs, NetworkDescription network, String problem,
                       Measurement validation, Measurement test) {
        this(name, epochs, network, problem, validation, test, null, List.of());
    }
}
