package org.nnlab.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnlab.protocol.EpochRecord;

class CurveReportTest {

    @Test
    void eachRunGetsATableThenTheBestAccuraciesReportedValuesAndWarnings() {
        Map<String, List<EpochRecord>> curves = new LinkedHashMap<>();
        curves.put("A", List.of(new EpochRecord(1, 1.5, 1.25, 0.5, 1e-3, 40, Double.NaN),
                new EpochRecord(2, 0.75, 0.625, 0.875, 5e-4, 40, Double.NaN)));

        String text = print(curves, List.of("A", "B"), Map.of("A.best", 0.875), List.of("run A lost its scores"));

        assertEquals("""

                Run A (2 epochs)
                 epoch  training loss  validation loss  validation accuracy  learning rate
                     1       1.500000         1.250000               0.5000     1.0000e-03
                     2       0.750000         0.625000               0.8750     5.0000e-04

                Best validation accuracy:
                  A  0.8750 (epoch 2)
                Runs the lab expects that were not tracked: B
                Reported values:
                  A.best = 0.875
                Harness warnings:
                  run A lost its scores
                """, text);
    }

    @Test
    void aRunWithoutEpochsSaysHowToRecordThem() {
        Map<String, List<EpochRecord>> curves = Map.of("A", List.of());

        String text = print(curves, List.of("A"), Map.of(), List.of());

        assertEquals("""

                Run A (0 epochs)
                 epoch  training loss  validation loss  validation accuracy  learning rate

                Best validation accuracy:
                  A  no epoch recorded (call endEpoch() after each epoch)
                Reported values: none
                Harness warnings: none
                """, text);
    }

    @Test
    void theFirstEpochThatReachedTheBestAccuracyIsNamed() {
        assertEquals("0.9000 (epoch 2)", CurveReport.best(List.of(new EpochRecord(1, 1, 1, 0.8, 1e-3, 1, Double.NaN),
                new EpochRecord(2, 1, 1, 0.9, 1e-3, 1, Double.NaN),
                new EpochRecord(3, 1, 1, 0.9, 1e-3, 1, Double.NaN))));
    }

    private static String print(Map<String, List<EpochRecord>> curves, List<String> expected,
                                Map<String, Double> reported, List<String> warnings) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CurveReport.print(curves, expected, reported, warnings, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
