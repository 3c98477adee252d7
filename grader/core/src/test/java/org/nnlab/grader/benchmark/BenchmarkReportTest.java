package org.nnlab.grader.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkReportTest {
    private static final Machine MACHINE = new Machine("AMD EPYC", 2, 24_000, "Linux 6.1", "OpenJDK 17.0.15",
            "2026-11-23T18:00:00Z", "0.50");
    private static final BenchmarkReport REPORT = new BenchmarkReport("digits", MACHINE,
            List.of(new Samples("end-to-end", "ms", List.of(12_345.0, 12_000.0, 13_000.0)),
                    new Samples("accuracy", "fraction", List.of(0.98148))),
            List.of(new TargetRatio("end-to-end / floor", 12_345, 10_000, true, 1.25),
                    new TargetRatio("throughput / bound", 20, 30, false, 0.75)),
            List.of("load was high"));

    @Test
    void theTableHasARowPerMeasurementAndAVerdictPerRatio() {
        String table = REPORT.table();
        assertTrue(table.contains("2 cores of AMD EPYC, 23.4 GB, Linux 6.1, OpenJDK 17.0.15"), table);
        assertTrue(table.matches("(?s).*end-to-end +12345 +12000 +13000 +3  ms\n.*"), table);
        assertTrue(table.matches("(?s).*accuracy +0\\.981 +0\\.981 +0\\.981 +1  fraction\n.*"), table);
        assertTrue(table.matches("(?s).*end-to-end / floor +1\\.23 +<= 1\\.25  pass\n.*"), table);
        assertTrue(table.matches("(?s).*throughput / bound +0\\.667 +>= 0\\.75  FAIL\n.*"), table);
        assertTrue(table.contains("note: load was high"), table);
    }

    @Test
    void theJsonHoldsTheMachineTheValuesAndTheVerdicts() throws Exception {
        JsonNode json = new ObjectMapper().readTree(REPORT.json());
        assertEquals("AMD EPYC", json.at("/machine/cpuModel").asText());
        assertEquals(12_345.0, json.at("/rows/0/median").asDouble());
        assertEquals(3, json.at("/rows/0/values").size());
        assertEquals(">= 0.75", json.at("/ratios/1/target").asText());
        assertEquals(false, json.at("/ratios/1/met").asBoolean());
    }

    @Test
    void numbersShowThreeSignificantDigitsBelowAHundred() {
        assertEquals("1.87", BenchmarkReport.number(1.8712));
        assertEquals("0.437", BenchmarkReport.number(0.43652));
        assertEquals("1", BenchmarkReport.number(1.0));
        assertEquals("22904", BenchmarkReport.number(22_903.6));
    }
}
