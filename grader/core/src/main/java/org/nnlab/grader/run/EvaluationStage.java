package org.nnlab.grader.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nnlab.datasets.LabeledData;
import org.nnlab.grader.check.EpochMeasurements;
import org.nnlab.grader.check.Measurement;
import org.nnlab.grader.compile.SubmissionCompiler;
import org.nnlab.grader.lab.Lab;
import org.nnlab.grader.sandbox.Mount;
import org.nnlab.grader.sandbox.Sandbox;
import org.nnlab.grader.sandbox.SandboxOutcome;
import org.nnlab.protocol.ClassificationMetrics;
import org.nnlab.protocol.EvaluationJob;
import org.nnlab.protocol.EvaluationReport;
import org.nnlab.protocol.LayerActivity;
import org.nnlab.protocol.LayerSymmetry;
import org.nnlab.protocol.Matrix;
import org.nnlab.protocol.ProtocolJson;
import org.nnlab.protocol.TrainingJob;

/**
 * Measures the saved networks in a second sandbox that holds no student class: it gets the validation and test
 * features without labels (and the first rows of the training part, when the lab's {@code evaluate.trainingSubset}
 * asks for them) and returns class probabilities, which the trusted side scores against the labels it kept, and the
 * distinct units of each layer. It also gets the weights the harness kept at each epoch's end and returns their
 * class probabilities on the validation part, so that every recorded epoch is measured again.
 */
final class EvaluationStage {
    private static final String VALIDATION = "validation";
    private static final String TEST = "test";
    private static final String TRAINING_SUBSET = "training-subset";
    private static final long MAX_REPORT_BYTES = 1L << 20;
    private final Sandbox sandbox;
    private final SandboxedJvm jvm;

    EvaluationStage(Sandbox sandbox, SandboxedJvm jvm) {
        this.sandbox = sandbox;
        this.jvm = jvm;
    }

    /**
     * Starts the evaluation sandbox, held until {@link #run} releases it: a fresh JVM that starts Java and ND4J while
     * the submission trains.
     *
     * @param idle how long it may wait before its job's submission starts compiling, as {@link TrainingStage#start}
     */
    PreStartedRun start(JobWorkspace workspace, Lab lab, Duration idle) {
        Path job = workspace.evaluationInput().resolve("evaluation-job.json");
        return PreStartedRun.start(sandbox, jvm.request("org.nnlab.harness.evaluate.EvaluationMain", job.toString(),
                List.of(), List.of(Mount.readOnly(workspace.output()), Mount.readOnly(workspace.evaluationInput()),
                        Mount.writable(workspace.evaluationOutput(), workspace.evaluationOutput().toString())),
                lab.limits(), Duration.ofSeconds(Math.max(60, lab.limits().wallSeconds() / 2))), job,
                Duration.ofSeconds(lab.limits().wallSeconds()).plus(SubmissionCompiler.WALL_TIME).plus(idle),
                "evaluation");
    }

    /**
     * Gives the started sandbox its job, once the submission trained.
     *
     * @return the measurement of each expected run, by name, and how the sandbox ended
     */
    EvaluationOutcome run(PreStartedRun started, JobWorkspace workspace, Lab lab, LabData data) throws IOException {
        Map<String, Measured> measured = new LinkedHashMap<>();
        Map<String, String> networks = new LinkedHashMap<>();
        Map<String, String> weights = new LinkedHashMap<>();
        for (String run : lab.runs()) {
            Optional<Path> network = JobWorkspace.plainFile(workspace.output(), TrainingJob.networkFile(run));
            if (network.isPresent()) {
                networks.put(run, network.get().toString());
                JobWorkspace.plainFile(workspace.output(), TrainingJob.weightsFile(run))
                        .ifPresent(file -> weights.put(run, file.toString()));
            } else {
                measured.put(run, Measured.failed("no saved network (was run " + run + " tracked?)"));
            }
        }
        if (networks.isEmpty()) {
            return new EvaluationOutcome(measured, null, Map.of());
        }
        Map<String, LabeledData> parts = parts(lab, data);
        Map<String, String> inputs = new LinkedHashMap<>();
        for (Map.Entry<String, LabeledData> part : parts.entrySet()) {
            inputs.put(part.getKey(), features(part.getValue(),
                    workspace.evaluationInput().resolve(part.getKey() + ".bin")));
        }
        SandboxOutcome outcome = started.release(new EvaluationJob(networks, inputs, weights, VALIDATION,
                workspace.evaluationOutput().toString()));
        EvaluationReport report = report(workspace);
        for (String run : networks.keySet()) {
            String error = report == null ? "the evaluation sandbox wrote no report (exit code "
                    + outcome.exitCode() + (outcome.timedOut() ? ", timed out" : "") + ")" : report.errors().get(run);
            measured.put(run, error != null ? Measured.failed("the saved network could not be loaded "
                    + "without the submission's classes: " + error) : measure(workspace, run, parts,
                    report.symmetry().getOrDefault(run, List.of()), epochs(workspace, run, report,
                            weights.containsKey(run), parts.get(VALIDATION)),
                    report.activity().getOrDefault(run, List.of())));
        }
        return new EvaluationOutcome(measured, outcome, report == null ? Map.of() : report.timingsMillis());
    }

    /** @return the labelled parts whose features the sandbox gets, by input name */
    private static Map<String, LabeledData> parts(Lab lab, LabData data) {
        Map<String, LabeledData> parts = new LinkedHashMap<>();
        parts.put(VALIDATION, data.validation());
        parts.put(TEST, data.test());
        if (lab.evaluate().trainingSubset() > 0) {
            parts.put(TRAINING_SUBSET, data.trainingSubset(lab.evaluate().trainingSubset()));
        }
        return parts;
    }

    private static String features(LabeledData part, Path file) throws IOException {
        new Matrix(part.rows(), part.featureCount(), part.features(), null).write(file);
        return file.toString();
    }

    private static EvaluationReport report(JobWorkspace workspace) {
        Optional<Path> file = JobWorkspace.plainFile(workspace.evaluationOutput(), EvaluationJob.REPORT_FILE);
        try {
            return file.isPresent() ? ProtocolJson.read(file.get(), EvaluationReport.class, MAX_REPORT_BYTES) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Measured measure(JobWorkspace workspace, String run, Map<String, LabeledData> parts,
                                    List<LayerSymmetry> symmetry, EpochMeasurements epochs,
                                    List<LayerActivity> activity) {
        try {
            Measurement subset = parts.containsKey(TRAINING_SUBSET)
                    ? score(workspace, run, TRAINING_SUBSET, parts.get(TRAINING_SUBSET)) : null;
            return new Measured(score(workspace, run, VALIDATION, parts.get(VALIDATION)),
                    score(workspace, run, TEST, parts.get(TEST)), subset, symmetry, epochs, activity, null);
        } catch (IOException e) {
            return Measured.failed("its predictions could not be read: " + e.getMessage());
        }
    }

    private static Measurement score(JobWorkspace workspace, String run, String input, LabeledData part)
            throws IOException {
        Path file = JobWorkspace.plainFile(workspace.evaluationOutput(), EvaluationJob.predictionsFile(run, input))
                .orElseThrow(() -> new IOException("no predictions for " + input));
        Matrix predictions = Matrix.read(file);
        if (predictions.rows() != part.rows() || predictions.columns() != part.classCount()) {
            throw new IOException("the network outputs " + predictions.columns() + " values per example; the data set "
                    + "has " + part.classCount() + " classes");
        }
        return measurement(predictions, part.labels());
    }

    /**
     * @return the measurement of the run's weights at each epoch's end on the validation part; no epoch when the
     *     harness kept no weights, which the consistency check tells from a network too large to keep them
     */
    private static EpochMeasurements epochs(JobWorkspace workspace, String run, EvaluationReport report,
                                            boolean kept, LabeledData validation) {
        long parameters = report.parameters().getOrDefault(run, 0L);
        if (report.weightErrors().containsKey(run)) {
            return EpochMeasurements.failed(report.weightErrors().get(run));
        }
        if (!kept) {
            return new EpochMeasurements(List.of(), parameters, null);
        }
        try {
            Path file = JobWorkspace.plainFile(workspace.evaluationOutput(), EvaluationJob.epochPredictionsFile(run))
                    .orElseThrow(() -> new IOException("the evaluation sandbox wrote none"));
            Matrix predictions = Matrix.read(file);
            int rows = validation.rows();
            if (predictions.rows() % rows != 0 || predictions.columns() != validation.classCount()) {
                throw new IOException(predictions.rows() + " x " + predictions.columns() + " predictions are no whole "
                        + "number of epochs of " + rows + " x " + validation.classCount());
            }
            List<Measurement> epochs = new ArrayList<>();
            int values = rows * predictions.columns();
            for (int epoch = 0; epoch < predictions.rows() / rows; epoch++) {
                epochs.add(measurement(new Matrix(rows, predictions.columns(), Arrays.copyOfRange(
                        predictions.values(), epoch * values, (epoch + 1) * values), null), validation.labels()));
            }
            return new EpochMeasurements(epochs, parameters, null);
        } catch (IOException | IllegalArgumentException e) {
            return EpochMeasurements.failed("their predictions could not be read: " + e.getMessage());
        }
    }

    private static Measurement measurement(Matrix predictions, int[] labels) {
        return new Measurement(ClassificationMetrics.accuracy(predictions, labels),
                ClassificationMetrics.meanCrossEntropy(predictions, labels));
    }
}
