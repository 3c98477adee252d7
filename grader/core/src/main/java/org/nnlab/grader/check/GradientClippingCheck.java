package org.nnlab.grader.check;

import java.util.List;
import org.nnlab.grader.lab.Fields;
import org.nnlab.grader.network.LayerDescription;

/**
 * A run's saved network clips its gradients: every layer with trainable parameters declares DL4J's
 * {@code GradientNormalization} {@code method} with the expected {@code threshold}. For {@code ClipL2PerLayer}, DL4J
 * rescales each layer's gradient {@code g} (the minibatch mean) to {@code g * min(1, threshold / ||g||_2)} before
 * the updater sees it. The configuration is plain JSON: it shows how the network is configured, not proof of how it
 * was trained. The message adds, for information, how the run's recorded gradient norms (before clipping) compare
 * with the threshold.
 *
 * <p>Parameters: {@code run}; {@code method}, one of {@code ClipL2PerLayer}, {@code ClipL2PerParamType},
 * {@code ClipElementWiseAbsoluteValue}, {@code RenormalizeL2PerLayer}, {@code RenormalizeL2PerParamType};
 * {@code threshold} (above 0; not read by the two renormalizations, which have none); {@code relativeTolerance}
 * (default 1e-6).
 */
public final class GradientClippingCheck implements Check {

    /** The {@code gradient-clipping} check type. */
    public static final CheckType TYPE = new SimpleCheckType("gradient-clipping",
            "every layer of a run's saved network declares a gradient normalization (e.g. ClipL2PerLayer) with a "
                    + "threshold; params: run, method, threshold, relativeTolerance (default 1e-6)",
            GradientClippingCheck::create);
    private static final List<String> METHODS = List.of("ClipL2PerLayer", "ClipL2PerParamType",
            "ClipElementWiseAbsoluteValue", "RenormalizeL2PerLayer", "RenormalizeL2PerParamType");

    private final String run;
    private final String method;
    private final double threshold;
    private final double tolerance;

    private GradientClippingCheck(String run, String method, double threshold, double tolerance) {
        this.run = run;
        this.method = method;
        this.threshold = threshold;
        this.tolerance = tolerance;
    }

    private static Check create(Fields params) {
        String method = params.string("method");
        if (!METHODS.contains(method)) {
            throw params.invalid("method", "must be one of " + String.join(", ", METHODS) + ", not '" + method + "'");
        }
        double threshold = method.startsWith("Clip") ? params.number("threshold", 0, 1e6) : Double.NaN;
        if (threshold == 0) {
            throw params.invalid("threshold", "must be greater than 0");
        }
        Check check = new GradientClippingCheck(params.string("run"), method, threshold,
                params.number("relativeTolerance", 0, 1, 1e-6));
        params.finish();
        return check;
    }

    @Override
    public CheckOutcome evaluate(Evidence evidence) {
        RunEvidence evidenceOfRun = evidence.run(run).orElse(null);
        if (evidenceOfRun == null || evidenceOfRun.network() == null) {
            return CheckOutcome.fail("Run " + run + " has no saved network whose gradient clipping could be checked.");
        }
        List<LayerDescription> layers = evidenceOfRun.network().layers();
        for (int i = 0; i < layers.size(); i++) {
            LayerDescription layer = layers.get(i);
            if (!layer.hasUpdater()) {
                continue;
            }
            if (!layer.gradientNormalization().equals(method)) {
                return CheckOutcome.fail("Run " + run + ", layer " + i + " (" + layer.type() + "): found gradient "
                        + "normalization " + layer.gradientNormalization() + "; expected " + method + ". Set it on "
                        + "the configuration builder: .gradientNormalization(GradientNormalization." + method + ")"
                        + (Double.isNaN(threshold) ? "." : ".gradientNormalizationThreshold("
                        + Numbers.show(threshold) + ")."));
            }
            if (!Double.isNaN(threshold) && !Numbers.close(layer.gradientNormalizationThreshold(), threshold,
                    tolerance)) {
                return CheckOutcome.fail("Run " + run + ", layer " + i + " (" + layer.type() + "): the " + method
                        + " threshold is " + Numbers.show(layer.gradientNormalizationThreshold()) + "; expected "
                        + Numbers.show(threshold) + ".");
            }
        }
        return CheckOutcome.pass("Run " + run + " clips its gradients with " + method + (Double.isNaN(threshold)
                ? "" : " at " + Numbers.show(threshold)) + " on every layer." + recordedNorms(evidenceOfRun));
    }

    /** @return for information, the range of the run's recorded mean gradient norms, or empty when none was */
    private static String recordedNorms(RunEvidence run) {
        double[] norms = run.epochs().stream().mapToDouble(epoch -> epoch.gradientNorm())
                .filter(Double::isFinite).toArray();
        if (norms.length == 0) {
            return "";
        }
        return " Its mean gradient norm before clipping (whole network) went from " + Numbers.show(norms[0])
                + " in the first epoch to " + Numbers.show(norms[norms.length - 1]) + " in the last.";
    }
}
