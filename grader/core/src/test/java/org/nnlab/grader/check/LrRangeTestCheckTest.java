package org.nnlab.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nnlab.grader.lab.LabException;
import org.nnlab.protocol.EpochRecord;

class LrRangeTestCheckTest {
    /** No smoothing, so that the rule's minimum is the loss's own: step 60. */
    private static final String PARAMS = "{run: finder, start: 1.0e-7, end: 10, steps: 100, smoothing: 0, factor: 2";
    private static final IntToDoubleFunction EXPONENTIAL = i -> 1e-7 * Math.pow(1e8, i / 99.0);
    private static final double CHOSEN = EXPONENTIAL.applyAsDouble(60) / 10;

    @Test
    void anExponentialTraceAndTheRuleRateTrainedOnPass() {
        CheckOutcome outcome = check(", trainedRun: trained}").evaluate(evidence(EXPONENTIAL, CHOSEN, CHOSEN));

        assertEquals(1, outcome.fraction(), outcome.message());
        assertEquals("The rate rises exponentially from 0.0000001 to 10 over 100 steps. The reported "
                + "chosenLearningRate = 0.0007055 is within a factor of 2 of the curve's: the smoothed loss (beta 0) is "
                + "lowest at step 60, rate 0.007055, and diverges at step 73; divided by 10 that is 0.0007055. Run "
                + "trained trains at the chosen rate.", outcome.message());
    }

    @Test
    void aRateWithinTheFactorPasses() {
        CheckOutcome outcome = check("}").evaluate(evidence(EXPONENTIAL, CHOSEN * 1.9, CHOSEN));

        assertEquals(1, outcome.fraction(), outcome.message());
    }

    @Test
    void theRateAtTheMinimumItselfFailsTheChoiceWithAHint() {
        CheckOutcome outcome = check("}").evaluate(evidence(EXPONENTIAL, CHOSEN * 10, CHOSEN));

        assertEquals(0.5, outcome.fraction());
        assertTrue(outcome.message().contains("Reported chosenLearningRate = 0.007055, but the smoothed loss"),
                outcome.message());
        assertTrue(outcome.message().endsWith("The rate at the minimum itself is already too large: divide it by 10."),
                outcome.message());
    }

    @Test
    void anExponentOfIOverNInsteadOfNMinusOneIsNamed() {
        CheckOutcome outcome = check("}").evaluate(evidence(i -> 1e-7 * Math.pow(1e8, i / 100.0), CHOSEN, CHOSEN));

        assertEquals(0.5, outcome.fraction());
        assertTrue(outcome.message().startsWith("Step 1 (epoch 2) of run finder has learning rate 0.0000001202; lr_i = "
                + "0.0000001 * (10/0.0000001)^(i/99) gives 0.0000001205. The rate grows by a constant factor of 1.202 "
                + "per step instead of 1.205: the exponent is i/(N-1)"), outcome.message());
    }

    @Test
    void aLinearTraceIsNotExponential() {
        IntToDoubleFunction linear = i -> 1e-7 + (10 - 1e-7) * i / 99;

        CheckOutcome outcome = check("}").evaluate(evidence(linear, linear.applyAsDouble(60) / 10, CHOSEN));

        assertEquals(0.5, outcome.fraction());
        assertTrue(outcome.message().contains("The rate must grow by the same factor at every step"),
                outcome.message());
    }

    @Test
    void aRunStoppedAtTheDivergenceHasTooFewSteps() {
        Evidence evidence = evidence(EXPONENTIAL, CHOSEN, CHOSEN);
        RunEvidence finder = evidence.runs().get("finder");
        Map<String, RunEvidence> runs = new HashMap<>(evidence.runs());
        runs.put("finder", new RunEvidence("finder", finder.epochs().subList(0, 80), null, null, null, null));

        CheckOutcome outcome = check("}").evaluate(Fixtures.evidence(runs, evidence.reported(), Map.of()));

        assertEquals(0.5, outcome.fraction());
        assertTrue(outcome.message().startsWith("Run finder recorded 80 steps; expected 100"), outcome.message());
    }

    @Test
    void aTrainedRunAtAnotherRateLosesItsThird() {
        CheckOutcome outcome = check(", trainedRun: trained}").evaluate(evidence(EXPONENTIAL, CHOSEN, 1e-3));

        assertEquals(2.0 / 3, outcome.fraction(), 1e-12);
        assertTrue(outcome.message().endsWith("Run trained, epoch 1: the learning rate is 0.001, not the chosen "
                + "0.0007055. Train it at the rate you report."), outcome.message());
    }

    @Test
    void noReportedRateFailsTheChoiceAndTheTrainedRun() {
        Evidence evidence = evidence(EXPONENTIAL, CHOSEN, CHOSEN);

        CheckOutcome outcome = check(", trainedRun: trained}").evaluate(Fixtures.evidence(evidence.runs(), Map.of(),
                Map.of()));

        assertEquals(1.0 / 3, outcome.fraction(), 1e-12);
        assertTrue(outcome.message().contains("No rate was reported: call ctx.report(\"chosenLearningRate\", rate)."),
                outcome.message());
    }

    @Test
    void aRunThatWasNeverTrackedFails() {
        CheckOutcome outcome = check("}").evaluate(Fixtures.evidence(Map.of(), Map.of(), Map.of()));

        assertEquals(0, outcome.fraction());
        assertTrue(outcome.message().startsWith("Run finder recorded no step"), outcome.message());
    }

    static Stream<Arguments> badParameters() {
        return Stream.of(
                Arguments.of("an end below the start", "{run: A, start: 0.1, end: 0.01, steps: 100}",
                        "field 'checks[0].params.end' must be greater than start"),
                Arguments.of("a zero start", "{run: A, start: 0, end: 10, steps: 100}",
                        "field 'checks[0].params.start' must be greater than 0"),
                Arguments.of("too few steps", "{run: A, start: 1.0e-7, end: 10, steps: 2}",
                        "field 'checks[0].params.steps' must be an integer of at least 3"),
                Arguments.of("a factor below 1", "{run: A, start: 1.0e-7, end: 10, steps: 100, factor: 0.5}",
                        "field 'checks[0].params.factor' must be a number from 1.0 to 1000.0"),
                Arguments.of("a divergence limit of 1", "{run: A, start: 1.0e-7, end: 10, steps: 100, divergence: 1}",
                        "field 'checks[0].params.divergence' must be greater than 1"),
                Arguments.of("a smoothing of 1", "{run: A, start: 1.0e-7, end: 10, steps: 100, smoothing: 1}",
                        "field 'checks[0].params.smoothing' must be a number from 0.0 to 0.999"),
                Arguments.of("a missing run", "{start: 1.0e-7, end: 10, steps: 100}",
                        "field 'checks[0].params.run' is missing"),
                Arguments.of("an unknown field", "{run: A, start: 1.0e-7, end: 10, steps: 100, beta: 0.9}",
                        "field 'checks[0].params.beta' is not a known field here"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badParameters")
    void badParametersAreRefusedNamingTheFileAndField(String name, String params, String message) {
        LabException error = assertThrows(LabException.class, () -> Fixtures.check(LrRangeTestCheck.TYPE, params));

        assertEquals("lab.yaml: " + message, error.getMessage());
    }

    private static Check check(String moreParams) {
        return Fixtures.check(LrRangeTestCheck.TYPE, PARAMS + moreParams);
    }

    /**
     * @return a finder run of 100 steps at the given rates whose loss falls to its minimum at step 60, then rises
     *     above 4 times the minimum from step 73 on and NaN from step 90 on; the chosen rate reported; and a
     *     trained run of 3 epochs at {@code trainedRate}
     */
    private static Evidence evidence(IntToDoubleFunction rate, double chosen, double trainedRate) {
        List<EpochRecord> steps = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            double loss = i >= 90 ? Double.NaN : i <= 60 ? 2.25 - 2.0 * i / 60 : 0.25 + 0.0625 * (i - 60);
            steps.add(new EpochRecord(i + 1, loss, loss, 0.5, rate.applyAsDouble(i), 1, Double.NaN));
        }
        return Fixtures.evidence(Map.of("finder", new RunEvidence("finder", steps, null, null, null, null),
                "trained", new RunEvidence("trained", Fixtures.epochs(3, e -> trainedRate), null, null, null, null)),
                Map.of("chosenLearningRate", chosen), Map.of());
    }
}
