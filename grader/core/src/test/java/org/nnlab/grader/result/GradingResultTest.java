package org.nnlab.grader.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GradingResultTest {
    private final GradingResult result = new GradingResult("lab", 7.5, 10, false, List.of(
            new CheckResult("curves", "Curves", 2.5, 5, false, "one run is missing"),
            new CheckResult("reflection", "Reflection", 5, 5, true, "")), Map.of(), "", Map.of(),
            new Provenance("1", "lab", 1, "sha", 42, "jdk", "cpu", "none"), List.of(), Diagnosis.none());

    @Test
    void theInstructorsPointsReplaceThoseOfTheChecksTheyOverride() {
        assertEquals(9.25, result.scoreWith(Map.of("curves", 4.25)));
    }

    @Test
    void withoutOverridesTheScoreIsTheAutomaticOne() {
        assertEquals(7.5, result.scoreWith(Map.of()));
    }

    @Test
    void anOverrideOfACheckTheResultLacksChangesNothingAndTheSumIsRoundedToHundredths() {
        GradingResult thirds = new GradingResult("lab", 1, 3, false, List.of(
                new CheckResult("a", "A", 1.0 / 3, 1, false, ""), new CheckResult("b", "B", 1.0 / 3, 1, false, "")),
                Map.of(), "", Map.of(), result.provenance(), List.of(), Diagnosis.none());

        assertEquals(0.67, thirds.scoreWith(Map.of("gone", 10.0)));
    }
}
