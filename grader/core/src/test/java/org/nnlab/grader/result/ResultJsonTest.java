package org.nnlab.grader.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultJsonTest {

    @Test
    void aResultWithGradientNormsAndADivergedLossSurvivesTheRoundTrip() throws IOException {
        GradingResult result = result(List.of(new EpochResult(1, 0.5, 0.6, 0.9, 0.01, 1.75),
                new EpochResult(2, Double.NaN, Double.POSITIVE_INFINITY, 0.1, 10, Double.NaN)));

        String json = ResultJson.write(result);

        assertTrue(json.contains("\"gradientNorm\" : 1.75"), json);
        assertEquals(result, ResultJson.read(json));
    }

    @Test
    void anEpochStoredBeforeGradientNormsWereRecordedReadsAsNotMeasured() throws IOException {
        String json = ResultJson.write(result(List.of(new EpochResult(1, 0.5, 0.6, 0.9, 0.01, 2.0))))
                .replaceAll(",\\s*\"gradientNorm\" : 2.0", "");

        EpochResult epoch = ResultJson.read(json).runs().get("A").epochs().get(0);

        assertFalse(json.contains("gradientNorm"), json);
        assertEquals(new EpochResult(1, 0.5, 0.6, 0.9, 0.01, Double.NaN), epoch);
    }

    @Test
    void aResultStoredBeforeDiagnosesExistedReadsWithNone() throws IOException {
        String json = ResultJson.write(result(List.of(new EpochResult(1, 0.5, 0.6, 0.9, 0.01, 2.0))))
                .replaceAll(",\\s*\"diagnosis\" : \\{[^}]*\\}\\s*\\]\\s*\\}", "");

        GradingResult result = ResultJson.read(json);

        assertFalse(json.contains("diagnosis"), json);
        assertEquals(Diagnosis.none(), result.diagnosis());
    }

    private static GradingResult result(List<EpochResult> epochs) {
        return new GradingResult("lab", 50, 100, false, List.of(), Map.of("A", new RunResult(epochs, 0.9, null)), "",
                Map.of(), new Provenance("1", "lab", 1, "sha", 42, "jdk", "cpu", "none"), List.of(),
                new Diagnosis(List.of(new Diagnosis.Finding("run A", "overfitting", "It overfits from epoch 13.",
                        "Regularize."))));
    }
}
