package org.nnlab.harness.train;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nnlab.api.LabContext;
import org.nnlab.api.TrackedRun;
import org.nnlab.harness.Tensors;
import org.nnlab.protocol.Matrix;

/** The {@link LabContext} a solution gets, inside the sandbox and in the student kit alike. */
final class HarnessContext implements LabContext {
    private final TrainingInputs inputs;
    private final Matrix training;
    private final Matrix validation;
    private final int classes;
    private final DataSet validationSet;
    private final PrintStream log;
    private final Map<String, RunRecorder> runs = new LinkedHashMap<>();
    private final Map<String, Double> reported = new LinkedHashMap<>();
    private final java.util.function.Consumer<org.nnlab.protocol.ProgressLine> progress;
    private final java.util.function.BiConsumer<String, org.nd4j.linalg.api.ndarray.INDArray> weights;
    private long iteratorsCreated;

    HarnessContext(TrainingInputs inputs, PrintStream log,
                   java.util.function.Consumer<org.nnlab.protocol.ProgressLine> progress,
                   java.util.function.BiConsumer<String, org.nd4j.linalg.api.ndarray.INDArray> weights) {
        this.inputs = inputs;
        this.progress = progress;
        this.weights = weights;
        this.training = inputs.training();
        this.validation = inputs.validation();
        this.classes = inputs.classes();
        this.validationSet = Tensors.dataSet(validation, classes);
        this.log = log;
    }

    @Override
    public DataSet trainingSet() {
        return Tensors.dataSet(training, classes);
    }

    @Override
    public DataSet validationSet() {
        return validationSet.copy();
    }

    @Override
    public synchronized DataSetIterator trainingBatches(int batchSize) {
        long seed = inputs.seed() * 0x9e3779b97f4a7c15L + ++iteratorsCreated;
        return new ShuffledBatches(training.values(), training.labels(), training.columns(), classes, batchSize, seed,
                this::fitStarting);
    }

    /**
     * Hands the iterator DL4J's {@code fit} begins an epoch on to the tracked run being fitted: the one whose
     * network this thread holds the lock of, as {@code fit} does (none when that is not exactly one).
     */
    private synchronized void fitStarting(ShuffledBatches batches) {
        List<RunRecorder> fitting = runs.values().stream().filter(run -> Thread.holdsLock(run.network())).toList();
        if (fitting.size() == 1) {
            fitting.get(0).nextEpochFrom(batches);
        }
    }

    @Override
    public long seed() {
        return inputs.seed();
    }

    @Override
    public int intParam(String name) {
        double value = doubleParam(name);
        if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("lab parameter '" + name + "' is " + value + ", not an integer");
        }
        return (int) value;
    }

    @Override
    public double doubleParam(String name) {
        Double value = inputs.parameters().get(name);
        if (value == null) {
            throw new IllegalArgumentException("the lab has no parameter '" + name + "'; it has "
                    + inputs.parameters().keySet());
        }
        return value;
    }

    @Override
    public synchronized TrackedRun track(String runName, MultiLayerNetwork network) {
        if (!inputs.runs().contains(runName)) {
            throw new IllegalArgumentException("the lab expects runs named " + inputs.runs() + ", not '" + runName
                    + "'");
        }
        if (runs.containsKey(runName)) {
            throw new IllegalArgumentException("run '" + runName + "' is already tracked");
        }
        if (network == null || network.params() == null) {
            throw new IllegalArgumentException("run '" + runName + "': call network.init() before track()");
        }
        RunRecorder recorder = new RunRecorder(runName, network, validationSet.getFeatures(),
                validation.labels(), progress, weights);
        runs.put(runName, recorder);
        return recorder;
    }

    @Override
    public synchronized void report(String key, double value) {
        if (key == null || key.isBlank() || key.length() > 200) {
            throw new IllegalArgumentException("a reported key must be a short non-empty name");
        }
        reported.put(key, value);
    }

    @Override
    public PrintStream log() {
        return log;
    }

    synchronized List<RunRecorder> runs() {
        return List.copyOf(runs.values());
    }

    synchronized Map<String, Double> reported() {
        return Map.copyOf(reported);
    }
}
