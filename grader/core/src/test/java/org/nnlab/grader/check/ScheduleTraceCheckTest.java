package org.nnlab.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nnlab.grader.lab.LabException;

class ScheduleTraceCheckTest {
    private static final String STEP = "{run: step, schedule: step, baseRate: 0.01, stepSize: 5, gamma: 0.5}";
    private static final String WARMUP = "{run: warmup, schedule: warmup, targetRate: 0.01, warmupEpochs: 4}";

    static Stream<Arguments> schedules() {
        return Stream.of(
                Arguments.of("step", STEP, (IntToDoubleFunction) t -> 0.01 * Math.pow(0.5, t / 5)),
                Arguments.of("exponential", "{run: exponential, schedule: exponential, baseRate: 0.01, decay: 0.2}",
                        (IntToDoubleFunction) t -> 0.01 * Math.exp(-0.2 * t)),
                Arguments.of("cosine", "{run: cosine, schedule: cosine, baseRate: 0.01, minRate: 0.0001, tMax: 11}",
                        (IntToDoubleFunction) t -> 0.0001 + 0.00495 * (1 + Math.cos(Math.PI * Math.min(t, 11) / 11.0))),
                Arguments.of("warmup", WARMUP, (IntToDoubleFunction) t -> 0.01 * Math.min(1, (t + 1) / 4.0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void aTraceThatFollowsItsFormulaWithinTheTolerancePasses(String run, String params, IntToDoubleFunction formula) {
        Check check = Fixtures.check(ScheduleTraceCheck.TYPE, params);

        CheckOutcome outcome = evaluate(check, run, 15, t -> formula.applyAsDouble(t) * (1 + 1e-8));

        assertEquals(1, outcome.fraction(), outcome.message());
        assertTrue(outcome.message().startsWith("Run " + run + " follows the "), outcome.message());
    }

    @Test
    void thePassingMessageNamesTheFormulaAndTheRange() {
        CheckOutcome outcome = evaluate(Fixtures.check(ScheduleTraceCheck.TYPE, STEP), "step", 12,
                t -> 0.01 * Math.pow(0.5, t / 5));

        assertEquals("Run step follows the step decay 0.01 * 0.5^floor(t/5) at all 12 epochs (t = 0 at epoch 1), from "
                + "0.01 to 0.0025.", outcome.message());
    }

    @Test
    void aWarmupThatStartsAtTheTargetFailsAtTheFirstEpoch() {
        CheckOutcome outcome = evaluate(Fixtures.check(ScheduleTraceCheck.TYPE, WARMUP), "warmup", 12, t -> 0.01);

        assertEquals(0, outcome.fraction());
        assertTrue(outcome.message().startsWith("Run warmup, epoch 1 (t = 0): the learning rate was 0.01; the linear "
                + "warmup 0.01 * min(1, (t+1)/4) gives 0.0025."), outcome.message());
    }

    @Test
    void aTraceOneEpochAheadIsNamedAsSuch() {
        CheckOutcome outcome = evaluate(Fixtures.check(ScheduleTraceCheck.TYPE, STEP), "step", 12,
                t -> 0.01 * Math.pow(0.5, (t + 1) / 5));

        assertEquals(0, outcome.fraction());
        assertTrue(outcome.message().startsWith("Run step, epoch 5 (t = 4): the learning rate was 0.005; the step "
                + "decay 0.01 * 0.5^floor(t/5) gives 0.01. The whole trace is one epoch ahead"), outcome.message());
    }

    @Test
    void aTraceOneEpochBehindIsNamedAsSuch() {
        CheckOutcome outcome = evaluate(Fixtures.check(ScheduleTraceCheck.TYPE, WARMUP), "warmup", 12,
                t -> 0.01 * Math.min(1, Math.max(1, t) / 4.0));

        assertEquals(0, outcome.fraction());
        assertTrue(outcome.message().contains("The trace is one epoch behind: the first epoch is t = 0."),
                outcome.message());
    }

    @Test
    void aConstantRateFailsWhereTheScheduleFirstDeparts() {
        CheckOutcome outcome = evaluate(Fixtures.check(ScheduleTraceCheck.TYPE, STEP), "step", 12, t -> 0.01);

        assertTrue(outcome.message().startsWith("Run step, epoch 6 (t = 5): the learning rate was 0.01; the step decay "
                + "0.01 * 0.5^floor(t/5) gives 0.005. Compute the rate of each epoch from t = 0"), outcome.message());
    }

    @Test
    void cosineAnnealingHoldsTheMinimumRateAfterTMax() {
        Check check = Fixtures.check(ScheduleTraceCheck.TYPE,
                "{run: cosine, schedule: cosine, baseRate: 0.01, minRate: 0.001, tMax: 4}");

        CheckOutcome outcome = evaluate(check, "cosine", 8,
                t -> t >= 4 ? 0.001 : 0.001 + 0.0045 * (1 + Math.cos(Math.PI * t / 4)));

        assertEquals(1, outcome.fraction(), outcome.message());
    }

    @Test
    void aTraceTooShortToShowTheScheduleFails() {
        CheckOutcome outcome = evaluate(Fixtures.check(ScheduleTraceCheck.TYPE, WARMUP), "warmup", 3,
                t -> 0.01 * (t + 1) / 4);

        assertEquals("Run warmup recorded 3 epoch(s); its linear warmup 0.01 * min(1, (t+1)/4) shows from 5 epochs "
                + "on. Call endEpoch() after each epoch.", outcome.message());
    }

    @Test
    void aRunThatWasNeverTrackedFails() {
        CheckOutcome outcome = Fixtures.check(ScheduleTraceCheck.TYPE, STEP).evaluate(Fixtures.evidence(Map.of(),
                Map.of(), Map.of()));

        assertEquals(0, outcome.fraction());
        assertTrue(outcome.message().startsWith("Run step recorded 0 epoch(s)"), outcome.message());
    }

    static Stream<Arguments> badParameters() {
        return Stream.of(
                Arguments.of("an unknown kind", "{run: A, schedule: polynomial, baseRate: 0.01}",
                        "field 'checks[0].params.schedule' must be step, exponential, cosine or warmup, not "
                                + "'polynomial'"),
                Arguments.of("a missing parameter of the kind", "{run: A, schedule: step, baseRate: 0.01, stepSize: 5}",
                        "field 'checks[0].params.gamma' is missing"),
                Arguments.of("a parameter of another kind",
                        "{run: A, schedule: exponential, baseRate: 0.01, decay: 0.1, gamma: 0.5}",
                        "field 'checks[0].params.gamma' is not a known field here"),
                Arguments.of("a minimum rate not below the base rate",
                        "{run: A, schedule: cosine, baseRate: 0.01, minRate: 0.01, tMax: 10}",
                        "field 'checks[0].params.minRate' must be less than baseRate"),
                Arguments.of("a zero rate", "{run: A, schedule: warmup, targetRate: 0, warmupEpochs: 3}",
                        "field 'checks[0].params.targetRate' must be greater than 0"),
                Arguments.of("a step size of 0", "{run: A, schedule: step, baseRate: 0.01, stepSize: 0, gamma: 0.5}",
                        "field 'checks[0].params.stepSize' must be an integer of at least 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badParameters")
    void badParametersAreRefusedNamingTheFileAndField(String name, String params, String message) {
        LabException error = assertThrows(LabException.class, () -> Fixtures.check(ScheduleTraceCheck.TYPE, params));

        assertEquals("lab.yaml: " + message, error.getMessage());
    }

    /** @return the outcome for {@code epochs} epochs of run {@code run} whose rate at index t is {@code rate} */
    private static CheckOutcome evaluate(Check check, String run, int epochs, IntToDoubleFunction rate) {
        return check.evaluate(Fixtures.evidence(Map.of(run, new RunEvidence(run,
                Fixtures.epochs(epochs, e -> rate.applyAsDouble((int) e - 1)), null, null, null, null)), Map.of(),
                Map.of()));
    }
}
