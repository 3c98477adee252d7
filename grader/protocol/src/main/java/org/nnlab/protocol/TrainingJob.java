package org.nnlab.protocol;

import java.util.List;
import java.util.Map;

/**
 * What the training harness is asked to do, written by the trusted side as {@code job.json}.
 *
 * @param labId           the lab, for messages
 * @param entryClass      fully qualified name of the student's {@code LabSolution} class
 * @param seed            the lab seed
 * @param parameters      the lab parameters, e.g. epochs and batch size
 * @param runs            the run names the lab expects, e.g. A and B
 * @param classes         number of classes of the data set
 * @param trainingFile    matrix file of the training part (features and labels)
 * @param validationFile  matrix file of the validation part (features and labels)
 * @param outputDirectory where the harness writes its report and the saved networks
 * @param javacArguments  for a harness that compiles the submission itself first (a spare's, whose JVM warmed javac
 *                        up while it waited): javac's options and source files, without the program; null when the
 *                        classes were compiled before the job
 */
public record TrainingJob(String labId, String entryClass, long seed, Map<String, Double> parameters,
                          List<String> runs, int classes, String trainingFile, String validationFile,
                          String outputDirectory, List<String> javacArguments) {

    /**
     * The system property of a spare's training JVM that names the class path submissions compile against: the JVM
     * warms javac up with it while it waits for its job.
     */
    public static final String JAVAC_WARMUP_PROPERTY = "nnlab.harness.javac.classpath";

    /** File name of the report of compiling the submission, for a job with {@link #javacArguments}. */
    public static final String COMPILE_REPORT_FILE = "compile-report.json";

    /** File name of the report the harness writes into the output directory. */
    public static final String REPORT_FILE = "training-report.json";

    /** File name of the progress the harness appends to, one JSON {@link ProgressLine} per line, as it trains. */
    public static final String PROGRESS_FILE = "progress.jsonl";

    /**
     * The most bytes of weights the harness keeps of one run ({@link #weightsFile}): the epochs of a network with
     * {@code P} parameters it keeps are the first {@code MAX_WEIGHTS_BYTES / (4 P)}, which for the labs' networks is
     * all of them.
     */
    public static final long MAX_WEIGHTS_BYTES = 32L << 20;

    /**
     * @return the file name, in the output directory, of the weights the harness kept of a run at the end of each
     *     epoch: per epoch, the network's parameters in DL4J's flattened order as 32-bit little-endian floats
     */
    public static String weightsFile(String run) {
        return "weights-" + run + ".bin";
    }

    /** @return how many epochs' weights of a network with that many parameters the harness keeps */
    public static long epochsOfWeightsKept(long parameters) {
        return parameters <= 0 ? 0 : MAX_WEIGHTS_BYTES / (4 * parameters);
    }

    /** @return the file name, in the output directory, of the network saved for a run */
    public static String networkFile(String run) {
        return "network-" + run + ".zip";
    }

    /** Copies the collections. */
    public TrainingJob {
        parameters = Map.copyOf(parameters);
        runs = List.copyOf(runs);
        javacArguments = javacArguments == null ? null : List.copyOf(javacArguments);
    }
}
