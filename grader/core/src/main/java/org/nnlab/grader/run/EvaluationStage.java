package org.nnlab.grader.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nnlab.datasets.LabeledData;
import org.nnlab.grader.check.Measurement;
import org.nnlab.grader.lab.Lab;
import org.nnlab.grader.sandbox.Mount;
import org.nnlab.grader.sandbox.Sandbox;
import org.nnlab.grader.sandbox.SandboxOutcome;
import org.nnlab.protocol.ClassificationMetrics;
import org.nnlab.protocol.EvaluationJob;
import org.nnlab.protocol.EvaluationReport;
import org.nnlab.protocol.LayerSymmetry;
import org.nnlab.protocol.Matrix;
import org.nnlab.protocol.ProtocolJson;
import org.nnlab.protocol.TrainingJob;

/**
 * Measures the saved networks in a second sandbox that holds no student class: it gets the validation and test
 * features without labels (and the first rows of the training part, when the lab's {@code evaluate.trainingSubset}
 * asks for them) and returns class probabilities, which the trusted side scores against the labels it kept, and the
 * distinct units of each layer.
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

    /** @return the measurement of each expected run, by name, and how the sandbox ended */
    EvaluationOutcome run(JobWorkspace workspace, Lab lab, LabData data) throws IOException {
        Map<String, Measured> measured = new LinkedHashMap<>();
        Map<String, String> networks = new LinkedHashMap<>();
        for (String run : lab.runs()) {
            Optional<Path> network = JobWorkspace.plainFile(workspace.output(), TrainingJob.networkFile(run));
            if (network.isPresent()) {
                networks.put(run, network.get().toString());
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
        Path job = workspace.evaluationInput().resolve("evaluation-job.json");
        ProtocolJson.write(job, new EvaluationJob(networks, inputs, workspace.evaluationOutput().toString()));
        SandboxOutcome outcome = sandbox.run(jvm.request("org.nnlab.harness.evaluate.EvaluationMain", job.toString(),
                List.of(), List.of(Mount.readOnly(workspace.output()), Mount.readOnly(workspace.evaluationInput()),
                        Mount.writable(workspace.evaluationOutput(), workspace.evaluationOutput().toString())),
                lab.limits(), Duration.ofSeconds(Math.max(60, lab.limits().wallSeconds() / 2))));
        EvaluationReport report = report(workspace);
        for (String run : networks.keySet()) {
            String error = report == null ? "the evaluation sandbox wrote no report (exit code "
                    + outcome.exitCode() + (outcome.timedOut() ? ", timed out" : "") + ")" : report.errors().get(run);
            measured.put(run, error != null ? Measured.failed("the saved network could not be loaded "
                    + "without the submission's classes: " + error) : measure(workspace, run, parts,
                    report.symmetry().getOrDefault(run, List.of())));
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
                                    List<LayerSymmetry> symmetry) {
        try {
            Measurement subset = parts.containsKey(TRAINING_SUBSET)
                    ? score(workspace, run, TRAINING_SUBSET, parts.get(TRAINING_SUBSET)) : null;
            return new Measured(score(workspace, run, VALIDATION, parts.get(VALIDATION)),
                    score(workspace, run, TEST, parts.get(TEST)), subset, symmetry, null);
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
        int[] labels = part.labels();
        return new Measurement(ClassificationMetrics.accuracy(predictions, labels),
                ClassificationMetrics.meanCrossEntropy(predictions, labels));
    }
}
