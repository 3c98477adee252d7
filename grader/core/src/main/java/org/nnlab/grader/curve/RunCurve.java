package org.nnlab.grader.curve;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.nnlab.protocol.EpochRecord;

/**
 * The recorded curves of one run and the facts a teaching assistant reads off them: where the validation loss is
 * lowest, how far it rises after, the gap between training and validation loss, when the learning rate fell, and
 * whether the run over- or under-fits.
 *
 * @param name   the run's name
 * @param epochs the recorded epochs, in order; at least one
 */
public record RunCurve(String name, List<EpochRecord> epochs) {

    /** A rise of the validation loss above its minimum by this share or more is a real rise. */
    public static final double RISE = 0.05;
    /** A rise of this share or less is none: the loss ends at its minimum, within noise. */
    public static final double FLAT = 0.02;

    /** Copies the epochs and refuses an empty run. */
    public RunCurve {
        epochs = List.copyOf(epochs);
        if (epochs.isEmpty()) {
            throw new IllegalArgumentException("run " + name + " recorded no epoch");
        }
    }

    /** @return the last recorded epoch */
    public EpochRecord last() {
        return epochs.get(epochs.size() - 1);
    }

    /** @return the first recorded epoch */
    public EpochRecord first() {
        return epochs.get(0);
    }

    /** @return the epoch with the lowest validation loss, the first of equals */
    public EpochRecord best() {
        EpochRecord best = first();
        for (EpochRecord epoch : epochs) {
            if (epoch.validationLoss() < best.validationLoss()) {
                best = epoch;
            }
        }
        return best;
    }

    /** @return the epoch numbered {@code epoch}, if it was recorded */
    public Optional<EpochRecord> at(int epoch) {
        return epochs.stream().filter(e -> e.epoch() == epoch).findFirst();
    }

    /** @return the highest validation accuracy of any epoch */
    public double bestAccuracy() {
        return epochs.stream().mapToDouble(EpochRecord::validationAccuracy).max().orElseThrow();
    }

    /**
     * @return how many epochs the smoothed curves average: 5 for runs of 24 epochs or more, 3 from 6, else 1, so
     *     that one noisy epoch neither makes nor hides a rise
     */
    public int window() {
        return epochs.size() >= 24 ? 5 : epochs.size() >= 6 ? 3 : 1;
    }

    /** @return the validation loss of each epoch averaged with its neighbours within {@link #window()} */
    public double[] smoothedValidationLoss() {
        return smoothed(EpochRecord::validationLoss);
    }

    /** @return the generalization gap of each epoch averaged with its neighbours within {@link #window()} */
    public double[] smoothedGap() {
        return smoothed(RunCurve::gap);
    }

    /** @return the index of the epoch whose smoothed validation loss is lowest */
    public int smoothedBestIndex() {
        double[] smoothed = smoothedValidationLoss();
        int best = 0;
        for (int i = 1; i < smoothed.length; i++) {
            if (smoothed[i] < smoothed[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * @return the epoch with the lowest validation loss within the smoothed curve's lowest stretch: where the loss
     *     really bottoms out, not a single lucky epoch elsewhere
     */
    public EpochRecord valleyBest() {
        int centre = smoothedBestIndex();
        int half = window() / 2;
        EpochRecord best = epochs.get(centre);
        for (int i = Math.max(0, centre - half); i <= Math.min(epochs.size() - 1, centre + half); i++) {
            if (epochs.get(i).validationLoss() < best.validationLoss()) {
                best = epochs.get(i);
            }
        }
        return best;
    }

    /** @return whether the learning rate rose at every epoch, as in a learning-rate range test */
    public boolean rateRisesEveryEpoch() {
        for (int i = 1; i < epochs.size(); i++) {
            if (!(epochs.get(i).learningRate() > epochs.get(i - 1).learningRate())) {
                return false;
            }
        }
        return epochs.size() >= 5;
    }

    /**
     * @return how far the smoothed validation loss ends above its smoothed lowest, as a share of that lowest: a rise
     *     that outlasts the noise of single epochs
     */
    public double rise() {
        double[] smoothed = smoothedValidationLoss();
        double lowest = smoothed[smoothedBestIndex()];
        return (smoothed[smoothed.length - 1] - lowest) / Math.max(lowest, 1e-12);
    }

    /** @return whether the smoothed validation loss at this epoch lies within 2% of its smoothed lowest */
    public boolean nearLowest(int epoch) {
        double[] smoothed = smoothedValidationLoss();
        for (int i = 0; i < epochs.size(); i++) {
            if (epochs.get(i).epoch() == epoch) {
                return smoothed[i] <= smoothed[smoothedBestIndex()] * (1 + FLAT);
            }
        }
        return false;
    }

    /** @return "; averaged over 5 epochs" where the curves are smoothed, else nothing */
    public String smoothing() {
        return window() > 1 ? " (averaged over " + window() + " epochs)" : "";
    }

    private double[] smoothed(java.util.function.ToDoubleFunction<EpochRecord> metric) {
        int half = window() / 2;
        double[] smoothed = new double[epochs.size()];
        for (int i = 0; i < smoothed.length; i++) {
            double sum = 0;
            int count = 0;
            for (int j = Math.max(0, i - half); j <= Math.min(smoothed.length - 1, i + half); j++) {
                sum += metric.applyAsDouble(epochs.get(j));
                count++;
            }
            smoothed[i] = sum / count;
        }
        return smoothed;
    }

    /** @return validation loss minus training loss at that epoch: the generalization gap */
    public static double gap(EpochRecord epoch) {
        return epoch.validationLoss() - epoch.trainingLoss();
    }

    /** @return whether every loss recorded is a finite number */
    public boolean finite() {
        return epochs.stream().allMatch(e -> Double.isFinite(e.trainingLoss()) && Double.isFinite(e.validationLoss()));
    }

    /** @return each epoch whose learning rate is lower than the one before, with both rates */
    public List<RateDrop> learningRateDrops() {
        List<RateDrop> drops = new ArrayList<>();
        for (int i = 1; i < epochs.size(); i++) {
            double before = epochs.get(i - 1).learningRate();
            double after = epochs.get(i).learningRate();
            if (after < before * (1 - 1e-9)) {
                drops.add(new RateDrop(epochs.get(i).epoch(), before, after));
            }
        }
        return drops;
    }

    /** @return the first epoch whose validation loss is at most {@code loss}, if any */
    public OptionalInt epochReaching(double loss) {
        return epochs.stream().filter(e -> e.validationLoss() <= loss).mapToInt(EpochRecord::epoch).findFirst();
    }

    /**
     * @return whether the run overfits (its smoothed validation loss rises 5% or more above its lowest while the
     *     training loss keeps falling, or it ends above 3 times the training loss and 0.02 above it), underfits (the
     *     training loss is still at least half its first value, or the smoothed validation loss is lowest at the end
     *     and fell 10% or more over the last quarter of the epochs), fits, or cannot be told
     */
    public Fitting fitting() {
        if (!finite()) {
            return new Fitting(Fit.UNCLEAR, 1, "its losses are not all finite numbers");
        }
        double[] smoothed = smoothedValidationLoss();
        int bestIndex = smoothedBestIndex();
        EpochRecord best = valleyBest();
        EpochRecord last = last();
        if (rise() >= RISE && best.epoch() < last.epoch() && last.trainingLoss() < best.trainingLoss()) {
            return new Fitting(Fit.OVERFITS, best.epoch() + 1, String.format(Locale.ROOT, "its validation loss rose "
                    + "from its lowest, %s at epoch %d, to %s at epoch %d (+%.0f%%%s) while its training loss fell "
                    + "from %s to %s", figure(best.validationLoss()), best.epoch(), figure(last.validationLoss()),
                    last.epoch(), 100 * rise(), window() > 1 ? ", averaged over " + window() + " epochs" : "",
                    figure(best.trainingLoss()), figure(last.trainingLoss())));
        }
        if (last.validationLoss() >= 3 * last.trainingLoss() && gap(last) >= 0.02) {
            int from = epochs.size();
            double[] gaps = smoothedGap();
            while (from > 0 && epochs.get(from - 1).validationLoss() >= 3 * epochs.get(from - 1).trainingLoss()
                    && gaps[from - 1] >= 0.02) {
                from--;
            }
            return new Fitting(Fit.OVERFITS, epochs.get(from).epoch(), String.format(Locale.ROOT, "its validation loss "
                    + "stays above 3 times its training loss (%s against %s at epoch %d): it fits the training "
                    + "examples far better than unseen ones", figure(last.validationLoss()),
                    figure(last.trainingLoss()), last.epoch()));
        }
        if (last.trainingLoss() >= 0.5 * first().trainingLoss()) {
            return new Fitting(Fit.UNDERFITS, 1, String.format(Locale.ROOT, "its training loss only went from %s to "
                    + "%s", figure(first().trainingLoss()), figure(last.trainingLoss())));
        }
        int quarter = Math.max(0, epochs.size() - 1 - Math.max(1, epochs.size() / 4));
        double recentFall = 1 - smoothed[smoothed.length - 1] / smoothed[quarter];
        if (bestIndex >= epochs.size() - 1 - window() / 2 && recentFall >= 0.10 && epochs.size() >= 4) {
            return new Fitting(Fit.UNDERFITS, last.epoch(), String.format(Locale.ROOT, "its validation loss still fell "
                    + "from %s at epoch %d to %s at epoch %d%s: it had not finished learning",
                    figure(smoothed[quarter]), epochs.get(quarter).epoch(), figure(smoothed[smoothed.length - 1]),
                    last.epoch(), smoothing()));
        }
        if (rise() <= FLAT) {
            return new Fitting(Fit.FITS, best.epoch(), String.format(Locale.ROOT, "its validation loss levels off at "
                    + "%s%s, within %.0f%% of its lowest, and stays within 3 times its training loss",
                    figure(smoothed[smoothed.length - 1]), smoothing(), 100 * FLAT));
        }
        if (rise() >= RISE) {
            return new Fitting(Fit.UNCLEAR, best.epoch(), String.format(Locale.ROOT, "its validation loss ends %.1f%% "
                    + "above its lowest%s, but its training loss rose as well (%s at epoch %d, %s at epoch %d)",
                    100 * rise(), smoothing(), figure(best.trainingLoss()), best.epoch(), figure(last.trainingLoss()),
                    last.epoch()));
        }
        return new Fitting(Fit.UNCLEAR, best.epoch(), String.format(Locale.ROOT, "its validation loss ends %.1f%% "
                + "above its lowest%s: too little to call", 100 * rise(), smoothing()));
    }

    /**
     * @return a loss, accuracy or rate written with 3 significant digits, as feedback shows figures; below 1e-4 in
     *     scientific notation ("1.05e-5")
     */
    public static String figure(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return String.valueOf(value);
        }
        if (Math.abs(value) < 1e-4) {
            String[] parts = String.format(Locale.ROOT, "%.2e", value).split("e");
            String mantissa = parts[0].contains(".") ? parts[0].replaceAll("0+$", "").replaceAll("\\.$", "")
                    : parts[0];
            return mantissa + "e" + Integer.parseInt(parts[1]);
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(3)).stripTrailingZeros()
                .toPlainString();
    }

    /** @return an accuracy as a percentage with one decimal */
    public static String percent(double accuracy) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * accuracy);
    }

    /**
     * A fall of the learning rate between two epochs.
     *
     * @param epoch  the first epoch recorded with the lower rate
     * @param before the rate of the epoch before
     * @param after  the lower rate
     */
    public record RateDrop(int epoch, double before, double after) {
    }

    /** How a run fits its data. */
    public enum Fit {
        /** The validation loss rises while the training loss falls. */
        OVERFITS,
        /** The network has not learnt what it could: the training loss stays high or the loss is still falling. */
        UNDERFITS,
        /** The validation loss levels off at its minimum. */
        FITS,
        /** The curves cannot settle it. */
        UNCLEAR
    }

    /**
     * A judgement of fit.
     *
     * @param fit       the judgement
     * @param fromEpoch the epoch it shows from (for overfitting: the first epoch after the lowest validation loss)
     * @param evidence  the figures behind it, as a clause for feedback ("its validation loss rose from ...")
     */
    public record Fitting(Fit fit, int fromEpoch, String evidence) {
    }
}
