package org.nnlab.grader.check;

import java.util.ArrayList;
import java.util.List;
import org.nnlab.grader.lab.Fields;
import org.nnlab.grader.network.LayerDescription;
import org.nnlab.protocol.EpochRecord;

/**
 * The recorded curves agree with the grader's own measurement of each saved network: the last epoch's validation
 * accuracy and loss equal those recomputed in the evaluation sandbox, and the learning rate saved in the network's
 * configuration equals the last recorded one (or is one of the run's own decay steps below it, which a schedule
 * may take after the last epoch). Every earlier epoch's validation accuracy and loss must equal those
 * of the weights the harness kept at that epoch's end, measured again in the evaluation sandbox. A mismatch is an integrity failure, not a numeric slip: the curves
 * were not produced by the network that was saved.
 *
 * <p>It also compares what the network trained with against what it claims: the saved configuration (its
 * regularization above all) must be the one the harness recorded when the first epoch ended, but for the learning
 * rate; and the run may not have trained on the validation rows, neither as the harness saw them in its minibatches
 * (untrusted, like the curves) nor as the grader measures it outside the sandbox, where the saved network may not
 * fit the validation part far better than the hidden test part.
 *
 * <p>Labs whose solutions restore earlier weights before {@code train()} returns (early stopping restores the best
 * epoch's) declare {@code savedEpoch: any}: the saved network must then equal one of the recorded epochs, in
 * validation accuracy, loss and learning rate. Which epoch it should be is another check's business.
 */
public final class ConsistencyCheck implements Check {

    /** The {@code consistency} check type. */
    public static final CheckType TYPE = new SimpleCheckType("consistency",
            "the last recorded epoch of each run matches the grader's measurement of its saved network; params: runs, "
                    + "savedEpoch (last, or any for labs that restore an earlier epoch's weights; default last), "
                    + "lossTolerance (default 1e-4), accuracyTolerance (default 1e-9)", ConsistencyCheck::create);

    /**
     * Distinct validation rows among the fitted minibatches from which a run trained on the validation rows: an
     * honest run fits none, but a data set may hold a few rows twice.
     */
    static final int SUSPICIOUS_VALIDATION_ROWS = 10;
    /** Validation accuracy minus test accuracy from which training on the validation rows is suspected. */
    static final double SUSPICIOUS_ACCURACY_GAP = 0.03;
    /** Test loss over validation loss from which training on the validation rows is suspected. */
    static final double SUSPICIOUS_LOSS_RATIO = 3;
    private final List<String> runs;
    private final boolean anyEpoch;
    private final double lossTolerance;
    private final double accuracyTolerance;

    private ConsistencyCheck(List<String> runs, boolean anyEpoch, double lossTolerance, double accuracyTolerance) {
        this.runs = runs;
        this.anyEpoch = anyEpoch;
        this.lossTolerance = lossTolerance;
        this.accuracyTolerance = accuracyTolerance;
    }

    private static Check create(Fields params) {
        String savedEpoch = params.string("savedEpoch", "last");
        if (!savedEpoch.equals("last") && !savedEpoch.equals("any")) {
            throw params.invalid("savedEpoch", "must be last or any");
        }
        Check check = new ConsistencyCheck(params.strings("runs"), savedEpoch.equals("any"),
                params.number("lossTolerance", 0, 1, 1e-4), params.number("accuracyTolerance", 0, 1, 1e-9));
        params.finish();
        return check;
    }

    @Override
    public CheckOutcome evaluate(Evidence evidence) {
        List<String> mismatches = new ArrayList<>();
        for (String name : runs) {
            RunEvidence run = evidence.run(name).orElse(null);
            if (run == null || run.epochs().isEmpty() || run.validation() == null || run.network() == null) {
                return CheckOutcome.fail("Run " + name + " needs recorded epochs and a saved network the grader can "
                        + "measure" + (run == null || run.problem() == null ? "" : " (" + run.problem() + ")") + ".");
            }
            if (anyEpoch) {
                if (run.epochs().stream().noneMatch(epoch -> run.validation().matches(epoch, lossTolerance,
                        accuracyTolerance) && learningRateMismatch(run, epoch) == null)) {
                    mismatches.add("run " + name + "'s saved network measures a validation accuracy of "
                            + Numbers.percent(run.validation().accuracy()) + " and loss "
                            + Numbers.show(run.validation().loss()) + ", which matches none of its "
                            + run.epochs().size() + " recorded epochs.");
                }
            } else {
                mismatches.addAll(lastEpochMismatches(run));
            }
            String epochs = epochsMismatch(run);
            if (epochs != null) {
                mismatches.add(epochs);
            }
            String changed = changedAfterTraining(run);
            if (changed != null) {
                mismatches.add(changed);
            }
            if (run.validationRowsFitted() >= SUSPICIOUS_VALIDATION_ROWS) {
                mismatches.add("run " + run.name() + " fitted " + run.validationRowsFitted() + " distinct rows of the "
                        + "validation part in its minibatches: it trained on the validation rows, which may only "
                        + "measure it.");
            }
            String validation = validationFarAboveTest(run);
            if (validation != null) {
                mismatches.add(validation);
            }
        }
        if (mismatches.isEmpty()) {
            return CheckOutcome.pass("The recorded curves match the grader's measurements of the saved networks.");
        }
        return new CheckOutcome(0, "Integrity failure: " + String.join(" ", mismatches) + " The recorded results "
                + "were not produced by the saved network as it was trained: training after the last endEpoch(), "
                + "edited results or a configuration changed after training make them untrustworthy, so the checks "
                + "that rely on them score nothing.", true);
    }

    /**
     * @return how the recorded epochs differ from the grader's measurement of the weights the harness kept at each
     *     epoch's end (the first epoch that differs), or null when they agree or were not measured
     */
    private String epochsMismatch(RunEvidence run) {
        EpochMeasurements measured = run.epochMeasurements();
        if (measured == null) {
            return null;
        }
        if (measured.problem() != null) {
            return "run " + run.name() + "'s weights at each epoch's end could not be measured again ("
                    + measured.problem() + ").";
        }
        int expected = measured.expectedEpochs(run.epochs().size());
        if (measured.epochs().size() != expected) {
            return "run " + run.name() + " recorded " + run.epochs().size() + " epochs, but the harness kept its "
                    + "weights at the end of " + measured.epochs().size() + " epochs instead of " + expected + ".";
        }
        for (int i = 0; i < expected; i++) {
            EpochRecord epoch = run.epochs().get(i);
            Measurement again = measured.epochs().get(i);
            if (!again.matches(epoch, lossTolerance, accuracyTolerance)) {
                return "run " + run.name() + " recorded a validation accuracy of "
                        + Numbers.percent(epoch.validationAccuracy()) + " and loss " + Numbers.show(epoch
                        .validationLoss()) + " at epoch " + epoch.epoch() + ", but its weights at that epoch's end "
                        + "measure " + Numbers.percent(again.accuracy()) + " and " + Numbers.show(again.loss()) + ".";
            }
        }
        return null;
    }

    private List<String> lastEpochMismatches(RunEvidence run) {
        List<String> mismatches = new ArrayList<>();
        EpochRecord last = run.epochs().get(run.epochs().size() - 1);
        if (Math.abs(last.validationAccuracy() - run.validation().accuracy()) > accuracyTolerance) {
            mismatches.add("run " + run.name() + " recorded a final validation accuracy of "
                    + Numbers.percent(last.validationAccuracy()) + ", but its saved network measures "
                    + Numbers.percent(run.validation().accuracy()) + ".");
        }
        if (!(Math.abs(last.validationLoss() - run.validation().loss()) <= lossTolerance)) {
            mismatches.add("run " + run.name() + " recorded a final validation loss of "
                    + Numbers.show(last.validationLoss()) + ", but its saved network measures "
                    + Numbers.show(run.validation().loss()) + ".");
        }
        String learningRate = learningRateMismatch(run, last);
        if (learningRate != null) {
            mismatches.add(learningRate);
        }
        return mismatches;
    }

    /**
     * @return how the saved configuration differs from the one the network trained with (as it was when the first
     *     epoch was recorded), in anything but the learning rate, which schedules change; null when it does not or
     *     that is unknown
     */
    private static String changedAfterTraining(RunEvidence run) {
        if (run.trainedNetwork() == null) {
            return null;
        }
        List<LayerDescription> trained = run.trainedNetwork().layers();
        List<LayerDescription> saved = run.network().layers();
        if (trained.size() != saved.size()) {
            return "run " + run.name() + "'s saved network has " + saved.size() + " layers, but it trained with "
                    + trained.size() + ".";
        }
        for (int i = 0; i < saved.size(); i++) {
            String declared = regularization(saved.get(i));
            String used = regularization(trained.get(i));
            if (!declared.equals(used)) {
                return "run " + run.name() + "'s saved configuration declares " + declared + " on layer " + i
                        + ", but it trained with " + used + " (its configuration when its first epoch was "
                        + "recorded): regularization put on the configuration after training did nothing.";
            }
            declared = layerAndUpdater(saved.get(i));
            used = layerAndUpdater(trained.get(i));
            if (!declared.equals(used)) {
                return "run " + run.name() + "'s saved configuration declares layer " + i + " as " + declared
                        + ", but it trained as " + used + " (its configuration when its first epoch was recorded).";
            }
        }
        return null;
    }

    /** @return the layer's kind, shape, activation, updater and clipping: all that training keeps but the rate */
    private static String layerAndUpdater(LayerDescription layer) {
        return layer.type() + " " + layer.inputs() + "->" + layer.outputs() + " " + layer.activation() + " with "
                + layer.updater() + (layer.gradientNormalization().equals("None") ? "" : ", clipped by "
                + layer.gradientNormalization() + " at " + Numbers.show(layer.gradientNormalizationThreshold()));
    }

    private static String regularization(LayerDescription layer) {
        List<String> terms = new ArrayList<>();
        if (layer.hasDropout()) {
            terms.add(layer.dropoutType() + (Double.isNaN(layer.retainProbability()) ? ""
                    : " (retain probability " + Numbers.show(layer.retainProbability()) + ")"));
        }
        layer.regularization().forEach(term -> terms.add(term.type() + " " + Numbers.show(term.coefficient())));
        return terms.isEmpty() ? "no regularization" : String.join(" and ", terms);
    }

    /**
     * @return a description when the saved network fits the validation part far better than the hidden test part,
     *     drawn from the same data; else null. Both are held out from an honest run's training, so they differ by
     *     sampling noise only: on a few hundred rows, an accuracy gap of {@value #SUSPICIOUS_ACCURACY_GAP} and a test
     *     loss {@value #SUSPICIOUS_LOSS_RATIO} times the validation loss together are far beyond it. The test
     *     part's figures stay out of the message, which the student reads.
     */
    private static String validationFarAboveTest(RunEvidence run) {
        Measurement validation = run.validation();
        Measurement test = run.test();
        if (validation == null || test == null
                || !(validation.accuracy() - test.accuracy() >= SUSPICIOUS_ACCURACY_GAP)
                || !(validation.loss() * SUSPICIOUS_LOSS_RATIO <= test.loss())) {
            return null;
        }
        return "run " + run.name() + "'s saved network classifies " + Numbers.percent(validation.accuracy())
                + " of the validation part correctly (loss " + Numbers.show(validation.loss()) + "), far better "
                + "than the hidden test part drawn from the same data (its figures are for the instructor): it looks "
                + "trained on the validation rows, which may only measure it.";
    }

    /**
     * @return how the saved configuration's learning rate differs from the epoch's, or null when it does not. A
     *     saved rate one of the run's own decay steps below the epoch's is no difference: a schedule that reads
     *     each epoch's metrics (the reference's plateau schedule) may lower the rate after the last endEpoch(),
     *     when it no longer trains anything.
     */
    private static String learningRateMismatch(RunEvidence run, EpochRecord epoch) {
        for (LayerDescription layer : run.network().layers()) {
            if (!Double.isNaN(layer.learningRate())
                    && !Numbers.close(layer.learningRate(), epoch.learningRate(), 1e-6)
                    && !oneDecayStepBelow(run.epochs(), layer.learningRate(), epoch.learningRate())) {
                return "run " + run.name() + " recorded a final learning rate of " + Numbers.show(epoch.learningRate())
                        + ", but its saved configuration says " + Numbers.show(layer.learningRate()) + ".";
            }
        }
        return null;
    }

    /** @return whether {@code saved} is {@code recorded} times one of the factors the rate fell by between epochs */
    private static boolean oneDecayStepBelow(List<EpochRecord> epochs, double saved, double recorded) {
        for (int i = 1; i < epochs.size(); i++) {
            double before = epochs.get(i - 1).learningRate();
            double after = epochs.get(i).learningRate();
            if (before > 0 && after < before && Numbers.close(saved, recorded * after / before, 1e-6)) {
                return true;
            }
        }
        return false;
    }
}
