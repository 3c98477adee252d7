package org.nnlab.grader.diagnosis;

import static org.nnlab.grader.curve.RunCurve.figure;
import static org.nnlab.grader.curve.RunCurve.percent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.nnlab.grader.check.RunEvidence;
import org.nnlab.grader.curve.RunCurve;
import org.nnlab.grader.curve.RunCurve.Fit;
import org.nnlab.grader.curve.RunCurve.Fitting;
import org.nnlab.grader.result.Diagnosis.Finding;
import org.nnlab.protocol.EpochRecord;
import org.nnlab.protocol.LayerActivity;
import org.nnlab.protocol.LayerSymmetry;

/**
 * Reads one run as a teaching assistant would: divergence, an unstable or flat training loss, over- or
 * under-fitting and from which epoch, hidden layers whose units are copies of one another or never fire; or, where
 * nothing is wrong, what the curves show.
 */
final class RunDiagnoser {
    /** A hidden layer with at least this share of units that never fire has a dead-unit problem. */
    static final double DEAD_SHARE = 0.2;
    /** Fewer epochs than this make no curve to read: the curves check tells the student to record them all. */
    static final int MIN_EPOCHS = 3;
    private static final String LOWER_RATE = "Lower the learning rate 10x (e.g. new Adam(1e-4) instead of 1e-3), or "
            + "clip gradients with .gradientNormalization(GradientNormalization.ClipL2PerLayer).";

    private RunDiagnoser() {
    }

    /** @return the findings about one run, at least one */
    static List<Finding> diagnose(RunEvidence run) {
        String about = "run " + run.name();
        if (run.epochs().isEmpty()) {
            return List.of(new Finding(about, "no-curves", "It recorded no epoch.", "Call run.endEpoch() after each "
                    + "epoch of training, on the TrackedRun that ctx.track(name, network) returned."));
        }
        RunCurve curve = new RunCurve(run.name(), run.epochs());
        if (curve.rateRisesEveryEpoch()) {
            return List.of(rangeTest(about, curve));
        }
        List<Finding> findings = new ArrayList<>();
        curveFinding(about, curve).ifPresent(findings::add);
        List<Integer> symmetric = new ArrayList<>();
        for (LayerSymmetry layer : run.symmetry()) {
            if (layer.hidden() && layer.units() > 1 && layer.allIdentical()) {
                symmetric.add(layer.layer());
                findings.add(new Finding(about, "symmetric-units", String.format(Locale.ROOT, "All %d units of layer "
                        + "%d compute the same function: its weights started equal, so every unit got the same "
                        + "gradient and stayed a copy of the others.", layer.units(), layer.layer()),
                        "Initialize the weights randomly: .weightInit(WeightInit.XAVIER), or WeightInit.RELU before "
                                + "ReLU layers."));
            }
        }
        for (LayerActivity layer : run.activity()) {
            if (layer.deadShare() >= DEAD_SHARE && !symmetric.contains(layer.layer())) {
                findings.add(new Finding(about, "dead-units", String.format(Locale.ROOT, "%d of the %d units of layer "
                        + "%d output 0 for every validation example (dead ReLUs): they get no gradient and no longer "
                        + "learn.", layer.deadUnits(), layer.units(), layer.layer()), "Lower the learning rate, "
                        + "initialize with WeightInit.RELU (He), or use Activation.LEAKYRELU in that layer."));
            }
        }
        if (findings.isEmpty()) {
            EpochRecord best = curve.best();
            findings.add(new Finding(about, "healthy", String.format(Locale.ROOT, "No problem found: its validation "
                    + "loss levels off (lowest %s at epoch %d), it reaches %s validation accuracy, and the gap between "
                    + "validation and training loss is %s at the last epoch.", figure(best.validationLoss()),
                    best.epoch(), percent(curve.bestAccuracy()), figure(RunCurve.gap(curve.last()))), null));
        }
        return findings;
    }

    /** @return what a learning-rate range test shows: the rate where its training loss was lowest */
    private static Finding rangeTest(String about, RunCurve curve) {
        EpochRecord lowest = curve.epochs().stream().filter(e -> Double.isFinite(e.trainingLoss()))
                .min(java.util.Comparator.comparingDouble(EpochRecord::trainingLoss)).orElse(curve.first());
        return new Finding(about, "range-test", String.format(Locale.ROOT, "Its learning rate rises every step, from "
                + "%s to %s: a learning-rate range test. Its training loss is lowest (%s) at rate %s; a rate about 10x "
                + "smaller trains well.", figure(curve.first().learningRate()), figure(curve.last().learningRate()),
                figure(lowest.trainingLoss()), figure(lowest.learningRate())), null);
    }

    private static Optional<Finding> curveFinding(String about, RunCurve curve) {
        Optional<EpochRecord> broken = curve.epochs().stream().filter(e -> !Double.isFinite(e.trainingLoss())
                || !Double.isFinite(e.validationLoss())).findFirst();
        EpochRecord first = curve.first();
        EpochRecord last = curve.last();
        if (broken.isPresent()) {
            return Optional.of(new Finding(about, "divergence", "Its loss is not a number from epoch "
                    + broken.get().epoch() + " on: training diverged.", LOWER_RATE));
        }
        if (curve.epochs().size() < MIN_EPOCHS) {
            return Optional.of(new Finding(about, "too-short", "It recorded only " + curve.epochs().size()
                    + (curve.epochs().size() == 1 ? " epoch" : " epochs") + ": too few to read its curves.",
                    "Train for all the epochs the lab asks for and call endEpoch() after each."));
        }
        if (last.trainingLoss() > 1.05 * first.trainingLoss()) {
            return Optional.of(new Finding(about, "divergence", String.format(Locale.ROOT, "Its training loss rose "
                    + "from %s at epoch 1 to %s at epoch %d: training diverges.", figure(first.trainingLoss()),
                    figure(last.trainingLoss()), last.epoch()), LOWER_RATE));
        }
        int jumps = 0;
        for (int i = 1; i < curve.epochs().size(); i++) {
            if (curve.epochs().get(i).trainingLoss() > 1.1 * curve.epochs().get(i - 1).trainingLoss()) {
                jumps++;
            }
        }
        if (jumps >= Math.max(3, 0.3 * (curve.epochs().size() - 1))) {
            return Optional.of(new Finding(about, "unstable", String.format(Locale.ROOT, "Its training loss jumps up "
                    + "by more than 10%% in %d of %d epochs: the learning rate is likely too high.", jumps,
                    curve.epochs().size() - 1), "Lower the learning rate 3-10x, or decay it with a schedule."));
        }
        if (last.trainingLoss() >= 0.95 * first.trainingLoss()) {
            return Optional.of(new Finding(about, "flat-loss", String.format(Locale.ROOT, "Its training loss barely "
                    + "moved (%s at epoch 1, %s at epoch %d): the network is not learning.",
                    figure(first.trainingLoss()), figure(last.trainingLoss()), last.epoch()), "Check that "
                    + "network.fit(batch) runs on every minibatch, that the learning rate is not tiny (Adam learns "
                    + "well from 1e-3), and that the weights are not initialized to zero."));
        }
        Fitting fitting = curve.fitting();
        if (fitting.fit() == Fit.OVERFITS) {
            boolean rises = curve.rise() >= RunCurve.RISE;
            return Optional.of(new Finding(about, "overfitting", "It overfits from epoch " + fitting.fromEpoch()
                    + ": " + fitting.evidence() + ".", "Regularize: add weight decay (.weightDecay(1e-4)) or dropout "
                    + "(.dropOut(0.8) keeps 80% of a layer's inputs)" + (rises ? ", or keep the weights of epoch "
                    + Math.max(1, fitting.fromEpoch() - 1) + " by stopping early on the validation loss." : ".")));
        }
        if (fitting.fit() == Fit.UNDERFITS && last.trainingLoss() >= 0.5 * first.trainingLoss()) {
            return Optional.of(new Finding(about, "slow-learning", "It learns slowly: " + fitting.evidence() + " in "
                    + curve.epochs().size() + " epochs, so the learning rate is likely too low.", "Raise the "
                    + "learning rate about 10x (e.g. from 1e-4 to 1e-3), or train for more epochs."));
        }
        if (fitting.fit() == Fit.UNDERFITS) {
            return Optional.of(new Finding(about, "underfitting", "It underfits: " + fitting.evidence() + ".",
                    "Train for more epochs, since it was still improving, or raise the learning rate a little."));
        }
        if (fitting.fit() == Fit.UNCLEAR) {
            return Optional.of(new Finding(about, "unclear", "No clear over- or under-fitting: " + fitting.evidence()
                    + ".", null));
        }
        return Optional.empty();
    }
}
