package org.nnlab.harness.evaluate;

import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.harness.JobFiles;
import org.nnlab.harness.ProtocolSamples;
import org.nnlab.harness.Tensors;
import org.nnlab.protocol.EvaluationJob;
import org.nnlab.protocol.EvaluationReport;
import org.nnlab.protocol.LayerActivity;
import org.nnlab.protocol.LayerSymmetry;
import org.nnlab.protocol.Matrix;
import org.nnlab.protocol.ProtocolJson;

/**
 * Entry point of the evaluation sandbox: {@code EvaluationMain JOB_JSON}. No student class is on its class path:
 * it loads each saved network and writes its class probabilities for each input, in inference mode, and reports
 * how many distinct units each of its layers has ({@link UnitSymmetry}) and how many of its hidden units never fire on
 * the validation part ({@link DeadUnits}). Then it puts the weights the harness kept
 * at each epoch's end into the network, one epoch after the other, and writes their class probabilities for one
 * input ({@link EpochWeights}). It never sees a label.
 *
 * <p>The networks were saved by untrusted code, so nothing in them is deserialized as a Java object (DL4J reads a
 * {@code preprocessor.bin} entry with {@code ObjectInputStream}, which a crafted file could use to hang or take over
 * this JVM), and a network too large to load fails its own run only.
 */
public final class EvaluationMain {
    /** This JVM's filter of every Java deserialization: nothing it loads needs one. */
    private static final ObjectInputFilter NO_DESERIALIZATION = info -> ObjectInputFilter.Status.REJECTED;
    private static final Path SCRATCH = Path.of(System.getProperty("java.io.tmpdir"));

    private EvaluationMain() {
    }

    /** @param args the path of the job file */
    public static void main(String[] args) throws IOException {
        if (ObjectInputFilter.Config.getSerialFilter() != NO_DESERIALIZATION) {
            ObjectInputFilter.Config.setSerialFilter(NO_DESERIALIZATION);
        }
        JobFiles.Started<EvaluationJob> started = JobFiles.startThenRead(args, EvaluationJob.class,
                "usage: EvaluationMain JOB_JSON", JobFiles.inTurn(JobFiles.jsonWarmup(SCRATCH,
                        ProtocolSamples.EVALUATION_JOB, ProtocolSamples.EVALUATION_REPORT), new EvaluationWarmup(SCRATCH)));
        EvaluationJob job = started.job();
        Path output = Path.of(job.outputDirectory());
        Map<String, Long> timings = new LinkedHashMap<>();
        timings.put("backendStartMillis", started.backendStartMillis());

        Map<String, INDArray> inputs = new LinkedHashMap<>();
        for (Map.Entry<String, String> input : job.inputs().entrySet()) {
            inputs.put(input.getKey(), Tensors.features(Matrix.read(Path.of(input.getValue()))));
        }
        long start = System.nanoTime();
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, List<LayerSymmetry>> symmetry = new LinkedHashMap<>();
        Map<String, List<LayerActivity>> activity = new LinkedHashMap<>();
        Map<String, Long> parameters = new LinkedHashMap<>();
        Map<String, String> weightErrors = new LinkedHashMap<>();
        for (Map.Entry<String, String> run : job.networks().entrySet()) {
            try {
                MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(run.getValue(), false);
                symmetry.put(run.getKey(), UnitSymmetry.of(network));
                activity.put(run.getKey(), DeadUnits.of(network, inputs.get(job.weightsInput())));
                for (Map.Entry<String, INDArray> input : inputs.entrySet()) {
                    Tensors.matrix(network.output(input.getValue(), false))
                            .write(output.resolve(EvaluationJob.predictionsFile(run.getKey(), input.getKey())));
                }
                parameters.put(run.getKey(), network.numParams());
                String weights = job.weights().get(run.getKey());
                if (weights != null) {
                    try {
                        EpochWeights.predict(network, Path.of(weights), inputs.get(job.weightsInput()))
                                .write(output.resolve(EvaluationJob.epochPredictionsFile(run.getKey())));
                    } catch (Exception | OutOfMemoryError e) {
                        weightErrors.put(run.getKey(), describe(e));
                    }
                }
            } catch (Exception | LinkageError | OutOfMemoryError e) {
                errors.put(run.getKey(), describe(e));
            }
        }
        timings.put("evaluationMillis", (System.nanoTime() - start) / 1_000_000);
        ProtocolJson.write(output.resolve(EvaluationJob.REPORT_FILE), new EvaluationReport(errors, timings,
                symmetry, parameters, weightErrors, activity));
    }

    /** @return why a network could not be loaded or run, naming a refused Java-serialized object as such */
    static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidClassException && String.valueOf(cause.getMessage()).contains("REJECTED")) {
                return "it holds a Java-serialized object, which the grader never deserializes (" + failure + ")";
            }
        }
        return failure.toString();
    }
}
