package org.nnlab.grader.check;

import java.util.ArrayList;
import java.util.List;
import org.nnlab.grader.lab.Fields;

/**
 * The runs of a random search sampled a hyperparameter log-uniformly within a range, judged from the values their
 * saved networks declare (see {@link Hyperparameters}). Every criterion must hold:
 * <ol>
 *   <li>every value lies within {@code [min, max]};</li>
 *   <li>no two values are equal: a continuous distribution does not repeat a value, a grid does;</li>
 *   <li>the values are not evenly spaced on a log scale (a log-spaced grid, not a sample);</li>
 *   <li>the log-values, scaled to {@code u = ln(x / min) / ln(max / min)}, pass a Kolmogorov-Smirnov test against
 *   the uniform distribution on [0, 1] at the given significance: {@code D = max |F_n(u) - u|} must not exceed
 *   {@code c / (sqrt(n) + 0.12 + 0.11 / sqrt(n))} with {@code c = sqrt(-ln(significance / 2) / 2)}, Stephens'
 *   approximation of the exact small-sample critical values (at most about 2% larger for n of 4 or more).</li>
 * </ol>
 * Limits: this is a test of the recorded values, not a proof of how they were drawn. With a handful of runs it has
 * little power: any irregular values spread over the range pass (hand-picked ones, or a stratified sample), and
 * values drawn uniformly on a linear scale are caught only most of the time (they crowd into the top decade, so a
 * wider range catches them more often). An honest log-uniform sample fails the test with probability
 * {@code significance}, which is why the default is a strict 0.01; the same seed always gives the same sample, so a
 * reference solution calibrates it.
 */
public final class LogUniformSamplingCheck implements Check {

    /** The {@code log-uniform-sampling} check type. */
    public static final CheckType TYPE = new SimpleCheckType("log-uniform-sampling",
            "a random search's runs sampled a hyperparameter log-uniformly: all within [min, max], all distinct, not "
                    + "evenly log-spaced, and a Kolmogorov-Smirnov test of the log-values against uniform; params: "
                    + "runs (at least 3), parameter (learningRate or weightDecay; default learningRate), min, max, "
                    + "significance (default 0.01)", LogUniformSamplingCheck::create);

    private static final double SAME = 1e-9;
    private static final double EVEN = 1e-6;

    private final List<String> runs;
    private final String parameter;
    private final double min;
    private final double max;
    private final double significance;

    private LogUniformSamplingCheck(List<String> runs, String parameter, double min, double max,
                                    double significance) {
        this.runs = runs;
        this.parameter = parameter;
        this.min = min;
        this.max = max;
        this.significance = significance;
    }

    private static Check create(Fields params) {
        List<String> runs = params.strings("runs");
        if (runs.size() < 3 || runs.stream().distinct().count() != runs.size()) {
            throw params.invalid("runs", "must name at least three different runs");
        }
        String parameter = params.string("parameter", "learningRate");
        if (!Hyperparameters.NAMES.contains(parameter)) {
            throw params.invalid("parameter", "must be one of " + String.join(", ", Hyperparameters.NAMES));
        }
        double min = params.number("min", Double.MIN_NORMAL, Double.MAX_VALUE);
        double max = params.number("max", Double.MIN_NORMAL, Double.MAX_VALUE);
        if (max <= min) {
            throw params.invalid("max", "must be greater than min");
        }
        Check check = new LogUniformSamplingCheck(runs, parameter, min, max,
                params.number("significance", 1e-6, 0.2, 0.01));
        params.finish();
        return check;
    }

    @Override
    public CheckOutcome evaluate(Evidence evidence) {
        List<Double> values = new ArrayList<>();
        for (String name : runs) {
            Hyperparameters hyperparameters = evidence.run(name).flatMap(Hyperparameters::of).orElse(null);
            if (hyperparameters == null) {
                return CheckOutcome.fail("Run " + name + " has no saved network whose " + parameter
                        + " could be read.");
            }
            double value = hyperparameters.get(parameter);
            if (!(value >= min * (1 - SAME) && value <= max * (1 + SAME))) {
                return CheckOutcome.fail("Run " + name + " has " + parameter + " " + Numbers.show(value)
                        + ", outside the range [" + Numbers.show(min) + ", " + Numbers.show(max) + "] to sample from.");
            }
            values.add(value);
        }
        double[] u = values.stream().mapToDouble(v -> Math.log(v / min) / Math.log(max / min)).sorted().toArray();
        String found = "The " + parameter + " values of runs " + String.join(", ", runs) + " are "
                + String.join(", ", values.stream().map(Numbers::show).toList());
        for (int i = 1; i < u.length; i++) {
            if (u[i] - u[i - 1] <= SAME) {
                return CheckOutcome.fail(found + ": a value repeats. Values drawn from a continuous distribution do "
                        + "not repeat; a grid does. Draw each run's value afresh: x = exp(uniform(ln min, ln max)).");
            }
        }
        if (evenlySpaced(u)) {
            return CheckOutcome.fail(found + ": they are evenly spaced on a log scale, which is a grid, not a random "
                    + "sample. Draw each run's value afresh: x = exp(uniform(ln min, ln max)).");
        }
        double distance = kolmogorovSmirnovDistance(u);
        double critical = criticalDistance(u.length);
        if (distance > critical) {
            return CheckOutcome.fail(found + ": on a log scale they crowd into part of the range (Kolmogorov-Smirnov "
                    + "distance " + Numbers.show(distance) + " from a uniform spread, more than the "
                    + Numbers.show(critical) + " allowed at significance " + Numbers.show(significance) + "). Sample "
                    + "the logarithm uniformly, x = exp(uniform(ln min, ln max)), not x itself: uniform(min, max) "
                    + "puts almost every sample in the top decade of the range.");
        }
        return CheckOutcome.pass(found + ": all within [" + Numbers.show(min) + ", " + Numbers.show(max)
                + "], distinct, and spread over the log range as a log-uniform sample is (Kolmogorov-Smirnov distance "
                + Numbers.show(distance) + ", at most " + Numbers.show(critical) + ").");
    }

    /** @return whether the sorted values' consecutive gaps are all equal, as on a grid */
    private static boolean evenlySpaced(double[] sorted) {
        double gap = (sorted[sorted.length - 1] - sorted[0]) / (sorted.length - 1);
        for (int i = 1; i < sorted.length; i++) {
            if (Math.abs(sorted[i] - sorted[i - 1] - gap) > EVEN) {
                return false;
            }
        }
        return true;
    }

    /** @return the largest distance between the empirical distribution of the sorted values and uniform [0, 1] */
    static double kolmogorovSmirnovDistance(double[] sorted) {
        int n = sorted.length;
        double distance = 0;
        for (int i = 0; i < n; i++) {
            distance = Math.max(distance, Math.max((i + 1.0) / n - sorted[i], sorted[i] - (double) i / n));
        }
        return distance;
    }

    /** @return Stephens' approximation of the two-sided critical distance for {@code n} values */
    private double criticalDistance(int n) {
        double c = Math.sqrt(-Math.log(significance / 2) / 2);
        return c / (Math.sqrt(n) + 0.12 + 0.11 / Math.sqrt(n));
    }
}
