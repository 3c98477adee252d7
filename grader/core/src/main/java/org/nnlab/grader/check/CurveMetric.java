package org.nnlab.grader.check;

import java.util.Arrays;
import java.util.Locale;
import org.nnlab.grader.lab.Fields;
import org.nnlab.protocol.EpochRecord;

/** A curve the harness records for each epoch, as check parameters name it. */
enum CurveMetric {
    /** Mean minibatch score of the epoch; lower is better. */
    TRAINING_LOSS("trainingLoss", false),
    /** Mean cross-entropy on the validation part; lower is better. */
    VALIDATION_LOSS("validationLoss", false),
    /** Fraction of the validation part classified correctly; higher is better. */
    VALIDATION_ACCURACY("validationAccuracy", true);

    private final String label;
    private final boolean higherIsBetter;

    CurveMetric(String label, boolean higherIsBetter) {
        this.label = label;
        this.higherIsBetter = higherIsBetter;
    }

    /** @return the metric named by a check parameter, or {@code fallback} when it is absent */
    static CurveMetric read(Fields params, String name, CurveMetric fallback) {
        if (!params.has(name) && fallback != null) {
            return fallback;
        }
        String value = params.string(name);
        return Arrays.stream(values()).filter(m -> m.label.equals(value)).findFirst().orElseThrow(
                () -> params.invalid(name, "must be validationAccuracy, validationLoss or trainingLoss"));
    }

    /** @return the metric named by a required check parameter */
    static CurveMetric read(Fields params, String name) {
        return read(params, name, null);
    }

    /** @return this metric's value in one epoch */
    double of(EpochRecord epoch) {
        return switch (this) {
            case TRAINING_LOSS -> epoch.trainingLoss();
            case VALIDATION_LOSS -> epoch.validationLoss();
            case VALIDATION_ACCURACY -> epoch.validationAccuracy();
        };
    }

    /** @return how much better {@code value} is than {@code other}: positive when it is better */
    double advantage(double value, double other) {
        return higherIsBetter ? value - other : other - value;
    }

    /** @return the name lab files use, e.g. {@code validationLoss} */
    String label() {
        return label;
    }

    /** @return e.g. {@code validation loss} */
    String words() {
        return label.replaceAll("([A-Z])", " $1").toLowerCase(Locale.ROOT);
    }
}
