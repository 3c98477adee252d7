package org.nnlab.protocol;

import java.util.Map;

/**
 * What the evaluation harness is asked to do: load each saved network (no student class is on its class path)
 * and write its predicted class probabilities for each input matrix.
 *
 * @param networks        saved network file by run name
 * @param inputs          feature matrix file (no labels) by input name, e.g. validation and test
 * @param outputDirectory where prediction matrices and the report are written
 */
public record EvaluationJob(Map<String, String> networks, Map<String, String> inputs, String outputDirectory) {

    /** File name of the report the evaluation harness writes into the output directory. */
    public static final String REPORT_FILE = "evaluation-report.json";

    /** Copies the maps. */
    public EvaluationJob {
        networks = Map.copyOf(networks);
        inputs = Map.copyOf(inputs);
    }

    /** @return the file name of the predictions of one run on one input */
    public static String predictionsFile(String run, String input) {
        return "predictions-" + run + "-" + input + ".bin";
    }
}
