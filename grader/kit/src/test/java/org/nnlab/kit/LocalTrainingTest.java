package org.nnlab.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.protocol.KitDescriptor;
import org.nnlab.protocol.ProtocolJson;

class LocalTrainingTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path kit;

    @Test
    void aMissingDescriptorEndsWithStatus2AndSaysWhereToRunTheKit() {
        Path missing = kit.resolve(KitDescriptor.FILE);

        assertEquals(2, run(missing));

        assertTrue(text(err).startsWith("The kit cannot run: " + missing + " does not exist. Run the kit inside its "
                + "unzipped folder"), text(err));
    }

    @Test
    void aSolutionThatThrowsEndsWithStatus1AndTheStackTraceOfItsOwnCode() throws IOException {
        assertEquals(1, run(descriptor(ThrowingSolution.class, 3)));

        assertTrue(text(err).startsWith("""
                train() threw an exception; the curves above are what was recorded before it:
                java.lang.IllegalStateException: cannot train 3 epochs
                \tat org.nnlab.kit.ThrowingSolution.fail(ThrowingSolution.java:"""), text(err));
        assertFalse(text(err).contains("SolutionRun") || text(err).contains("LocalTraining"), text(err));
        assertTrue(text(out).contains("Runs the lab expects that were not tracked: A, B"), text(out));
    }

    @Test
    void aTrackedRunIsPrintedEpochByEpochWithItsBestAccuracyAndTheReportedValues() throws IOException {
        assertEquals(0, run(descriptor(OneRunSolution.class, 3)), text(err));

        String output = text(out);
        assertTrue(output.contains("1259 training rows, 270 validation rows"), output);
        assertTrue(output.contains("trained A\n"), output);
        Matcher rows = Pattern.compile("(?m)^ +(\\d+) +([0-9.]+) +([0-9.]+) +([0-9.]+) +([0-9.e-]+)$")
                .matcher(output);
        int epochs = 0;
        while (rows.find()) {
            assertEquals(++epochs, Integer.parseInt(rows.group(1)));
            assertEquals(1e-2, Double.parseDouble(rows.group(5)), 1e-9);
        }
        assertEquals(3, epochs);
        assertTrue(output.contains("Best validation accuracy:\n  A  0."), output);
        assertTrue(output.contains("Runs the lab expects that were not tracked: B"), output);
        assertTrue(output.contains("  answer = 42.0"), output);
        assertTrue(output.contains("not your grade"), output);
    }

    private Path descriptor(Class<?> solution, int epochs) throws IOException {
        Path file = kit.resolve(KitDescriptor.FILE);
        ProtocolJson.write(file, new KitDescriptor("test-lab", "A test lab", 1, "digits",
                new KitDescriptor.Split(0.70, 0.15, 0.15, 42), "max", solution.getName(),
                Map.of("epochs", (double) epochs, "batchSize", 32.0), List.of("A", "B"), 1));
        return file;
    }

    private int run(Path descriptor) {
        return LocalTraining.run(descriptor, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
