package org.nnlab.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnlab.grader.lab.LabException;

class LogUniformSamplingCheckTest {
    private static final String RUNS = "runs: [random-1, random-2, random-3, random-4, random-5, random-6]";
    private final Check learningRates = Fixtures.check(LogUniformSamplingCheck.TYPE,
            "{" + RUNS + ", min: 0.0001, max: 0.1}");

    @Test
    void valuesSpreadOverTheLogRangePass() {
        CheckOutcome outcome = learningRates.evaluate(runs(logSpread(-4, -1), 1e-4));

        assertEquals(1, outcome.fraction(), outcome.message());
        assertTrue(outcome.message().endsWith(": all within [0.0001, 0.1], distinct, and spread over the log range as "
                + "a log-uniform sample is (Kolmogorov-Smirnov distance 0.1333, at most 0.6226)."), outcome.message());
    }

    @Test
    void valuesDrawnUniformlyOnALinearScaleCrowdIntoTheTopDecadeAndFail() {
        CheckOutcome outcome = learningRates.evaluate(runs(List.of(0.09, 0.05, 0.07, 0.02, 0.03, 0.06), 1e-4));

        assertEquals(0, outcome.fraction());
        assertEquals("The learningRate values of runs random-1, random-2, random-3, random-4, random-5, random-6 are "
                + "0.09, 0.05, 0.07, 0.02, 0.03, 0.06: on a log scale they crowd into part of the range "
                + "(Kolmogorov-Smirnov distance 0.767 from a uniform spread, more than the 0.6226 allowed at "
                + "significance 0.01). Sample the logarithm uniformly, x = exp(uniform(ln min, ln max)), not x itself: "
                + "uniform(min, max) puts almost every sample in the top decade of the range.", outcome.message());
    }

    @Test
    void aRepeatedValueIsAGridAndFails() {
        CheckOutcome outcome = learningRates.evaluate(runs(List.of(1e-3, 1e-3, 1e-2, 1e-2, 1e-1, 1e-1), 1e-4));

        assertEquals(0, outcome.fraction());
        assertTrue(outcome.message().endsWith("0.001, 0.001, 0.01, 0.01, 0.1, 0.1: a value "
                + "repeats. Values drawn from a continuous distribution do not repeat; a grid does. Draw each run's "
                + "value afresh: x = exp(uniform(ln min, ln max))."), outcome.message());
    }

    @Test
    void valuesEvenlySpacedOnALogScaleAreAGridAndFail() {
        List<Double> grid = List.of(1e-4, Math.pow(10, -3.4), Math.pow(10, -2.8), Math.pow(10, -2.2),
                Math.pow(10, -1.6), 1e-1);

        CheckOutcome outcome = learningRates.evaluate(runs(grid, 1e-4));

        assertEquals(0, outcome.fraction());
        assertTrue(outcome.message().contains(": they are evenly spaced on a log scale, which is a grid, not a random "
                + "sample."), outcome.message());
    }

    @Test
    void aValueOutsideTheRangeIsNamed() {
        CheckOutcome outcome = learningRates.evaluate(runs(List.of(2e-4, 1e-3, 3e-3, 2e-2, 5e-2, 0.2), 1e-4));

        assertEquals("Run random-6 has learningRate 0.2, outside the range [0.0001, 0.1] to sample from.",
                outcome.message());
    }

    @Test
    void theWeightDecayIsJudgedWhenTheLabSaysSo() {
        Check weightDecays = Fixtures.check(LogUniformSamplingCheck.TYPE,
                "{" + RUNS + ", parameter: weightDecay, min: 0.00001, max: 0.01}");
        Evidence sameDecay = runs(logSpread(-4, -1), 1e-4);

        assertEquals(0, weightDecays.evaluate(sameDecay).fraction(), "one weight decay for every run repeats");
        assertEquals(1, weightDecays.evaluate(runs(logSpread(-4, -1), logSpread(-5, -2))).fraction());
    }

    @Test
    void aRunWithoutASavedNetworkFails() {
        Evidence evidence = Fixtures.evidence(Map.of("random-1", new RunEvidence("random-1",
                Fixtures.epochs(3, e -> 1e-3), null, "it was never saved", null, null)), Map.of(), Map.of());

        assertEquals("Run random-1 has no saved network whose learningRate could be read.",
                learningRates.evaluate(evidence).message());
    }

    @Test
    void theDistanceIsTheLargestGapBetweenTheEmpiricalAndTheUniformDistribution() {
        assertEquals(0.5, LogUniformSamplingCheck.kolmogorovSmirnovDistance(new double[] {0.5}), 1e-12);
        assertEquals(0.9, LogUniformSamplingCheck.kolmogorovSmirnovDistance(new double[] {0.9, 0.95}), 1e-12);
        assertEquals(0.125, LogUniformSamplingCheck.kolmogorovSmirnovDistance(new double[] {0.125, 0.375, 0.625,
                0.875}), 1e-12);
    }

    @Test
    void aRangeWhoseMaximumIsNotAboveItsMinimumIsRefusedNamingTheField() {
        LabException error = assertThrows(LabException.class, () -> Fixtures.check(LogUniformSamplingCheck.TYPE,
                "{" + RUNS + ", min: 0.1, max: 0.1}"));

        assertEquals("lab.yaml: field 'checks[0].params.max' must be greater than min", error.getMessage());
    }

    @Test
    void anUnknownHyperparameterIsRefusedNamingTheField() {
        LabException error = assertThrows(LabException.class, () -> Fixtures.check(LogUniformSamplingCheck.TYPE,
                "{" + RUNS + ", parameter: momentum, min: 0.5, max: 0.99}"));

        assertEquals("lab.yaml: field 'checks[0].params.parameter' must be one of learningRate, weightDecay",
                error.getMessage());
    }

    @Test
    void fewerThanThreeRunsAreRefusedNamingTheField() {
        LabException error = assertThrows(LabException.class, () -> Fixtures.check(LogUniformSamplingCheck.TYPE,
                "{runs: [random-1, random-2], min: 0.0001, max: 0.1}"));

        assertEquals("lab.yaml: field 'checks[0].params.runs' must name at least three different runs",
                error.getMessage());
    }

    /** @return six irregular values spread over [10^from, 10^to] on a log scale */
    private static List<Double> logSpread(double from, double to) {
        return List.of(0.1, 0.883, 0.367, 0.7, 0.267, 0.567).stream()
                .map(u -> Math.pow(10, from + u * (to - from))).toList();
    }

    private static Evidence runs(List<Double> learningRates, List<Double> weightDecays) {
        return Fixtures.search("random", learningRates, weightDecays);
    }

    private static Evidence runs(List<Double> learningRates, double weightDecay) {
        return runs(learningRates, learningRates.stream().map(rate -> weightDecay).toList());
    }
}
