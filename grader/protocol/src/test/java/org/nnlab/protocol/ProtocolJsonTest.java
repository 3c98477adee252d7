package org.nnlab.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProtocolJsonTest {
    @TempDir
    Path temp;

    @Test
    void aTrainingReportWithADivergedLossSurvivesTheRoundTrip() throws IOException {
        TrainingReport report = new TrainingReport(true, null, Map.of("A", new RunLog(List.of(
                new EpochRecord(1, Double.NaN, Double.POSITIVE_INFINITY, 0.1, 10, 40, Double.NaN)), "network-A.zip",
                "{\"confs\": []}", 3)),
                Map.of("A.best", 0.5), List.of("a warning"), Map.of("trainingMillis", 12L));
        Path file = temp.resolve("report.json");

        ProtocolJson.write(file, report);

        assertEquals(report, ProtocolJson.read(file, TrainingReport.class, 1 << 20));
    }

    @Test
    void anEpochWrittenBeforeGradientNormsWereRecordedReadsAsNotMeasured() throws IOException {
        EpochRecord epoch = ProtocolJson.parseLine("{\"epoch\": 3, \"trainingLoss\": 0.5, \"validationLoss\": 0.6, "
                + "\"validationAccuracy\": 0.9, \"learningRate\": 0.001, \"minibatches\": 40}", EpochRecord.class);

        assertEquals(new EpochRecord(3, 0.5, 0.6, 0.9, 0.001, 40, Double.NaN), epoch);
    }

    @Test
    void aMeasuredGradientNormSurvivesTheRoundTrip() throws IOException {
        EpochRecord epoch = new EpochRecord(1, 0.5, 0.6, 0.9, 0.001, 40, 1.25);

        assertEquals(epoch, ProtocolJson.parseLine(ProtocolJson.line(epoch), EpochRecord.class));
    }

    @Test
    void aKitDescriptorSurvivesTheRoundTripWithItsParametersInNameOrder() throws IOException {
        KitDescriptor descriptor = new KitDescriptor("digits-regularization", "Regularization", 1, "digits",
                new KitDescriptor.Split(0.7, 0.15, 0.15, 42), "max", "Solution",
                Map.of("epochs", 40.0, "batchSize", 32.0, "patience", 3.0), List.of("A", "B"), 1);
        Path file = temp.resolve(KitDescriptor.FILE);

        ProtocolJson.write(file, descriptor);

        assertEquals(descriptor, ProtocolJson.read(file, KitDescriptor.class, 1 << 20));
        String text = Files.readString(file);
        assertTrue(text.indexOf("batchSize") < text.indexOf("epochs") && text.indexOf("epochs")
                < text.indexOf("patience"), text);
    }

    @Test
    void anEvaluationReportKeepsEachRunsLayerSymmetryParametersWeightErrorsAndDeadUnits() throws IOException {
        EvaluationReport report = new EvaluationReport(Map.of("he", "none"), Map.of("evaluationMillis", 5L),
                Map.of("zeros", List.of(new LayerSymmetry(0, 64, 1, true), new LayerSymmetry(1, 10, 10, false))),
                Map.of("zeros", 650L), Map.of("he", "the weights file holds 3 bytes"),
                Map.of("zeros", List.of(new LayerActivity(0, 64, 64))));
        Path file = temp.resolve("evaluation-report.json");

        ProtocolJson.write(file, report);

        assertEquals(report, ProtocolJson.read(file, EvaluationReport.class, 1 << 20));
    }

    @Test
    void anEvaluationReportWrittenBeforeSymmetryExistedReadsWithNone() throws IOException {
        Path file = Files.writeString(temp.resolve("evaluation-report.json"),
                "{\"errors\": {}, \"timingsMillis\": {\"evaluationMillis\": 3}}");

        EvaluationReport report = ProtocolJson.read(file, EvaluationReport.class, 1 << 20);

        assertEquals(Map.of(), report.symmetry());
        assertEquals(Map.of(), report.parameters());
        assertEquals(Map.of(), report.activity());
        assertEquals(Map.of("evaluationMillis", 3L), report.timingsMillis());
    }

    @Test
    void aDocumentLargerThanAllowedIsRefused() throws IOException {
        Path file = Files.writeString(temp.resolve("big.json"), "{\"completed\": true, \"padding\": \""
                + "x".repeat(2000) + "\"}");

        IOException error = assertThrows(IOException.class, () -> ProtocolJson.read(file, TrainingReport.class, 1000));
        assertTrue(error.getMessage().endsWith("more than the 1000 allowed"), error.getMessage());
    }
}
