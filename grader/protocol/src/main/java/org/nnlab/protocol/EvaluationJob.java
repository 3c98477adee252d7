package org.nnlab.protocol;

import java.util.Map;

/**
 * What the evaluation harness is asked to do: load each saved network (no student class is on its class path)
 * and write its predicted class probabilities for each input matrix; and, for each run whose weights at the end of
 * each epoch were kept, those weights' class probabilities for one input, so that the trusted side can measure every
 * recorded epoch again.
 *
 * @param networks        saved network file by run name
 * @param inputs          feature matrix file (no labels) by input name, e.g. validation and test
 * @param weights         by run name, the file of its weights at each epoch's end ({@link TrainingJob#weightsFile})
 * @param weightsInput    the input on which those weights are measured, e.g. validation
 * @param outputDirectory where prediction matrices and the report are written
 */
public record EvaluationJob(Map<String, String> networks, Map<String, String> inputs, Map<String, String> weights,
                            String weightsInput, String outputDirectory) {

    /** File name of the report the evaluation harness writes into the output directory. */
    public static final String REPORT_FILE = "evaluation-report.json";

    /** Copies the maps. */
    public EvaluationJob {
        networks = Map.copyOf(networks);
        inputs = Map.copyOf(inputs);
        weights = weights == null ? Map.of() : Map.copyOf(weights);
    }

    /** @return the file name of the predictions of one run on one input */
    public static String predictionsFile(String run, String input) {
        return "predictions-" + run + "-" + input + ".bin";
    }

    /**
     * @return the file name of the predictions of one run's weights at each epoch's end on the weights input: the
     *     epochs' prediction matrices one below the other
     */
    public static String epochPredictionsFile(String run) {
        return "epoch-predictions-" + run + ".bin";
    }
}
