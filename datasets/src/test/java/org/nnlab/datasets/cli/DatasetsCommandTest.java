package org.nnlab.datasets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DatasetsCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void infoPrintsTheShapeClassCountsAndSplit() {
        int exit = run("info", "digits", "--seed", "42");

        assertEquals(0, exit, text(err));
        assertTrue(text(out).contains("1797 rows x 64 features, 10 classes"), text(out));
        assertTrue(text(out).contains("[178, 182, 177, 183, 181, 182, 181, 179, 174, 180]"), text(out));
        assertTrue(text(out).contains("70/15/15, seed 42: train 1259, validation 270, test 268"), text(out));
    }

    @Test
    void anUnknownDataSetIsAClearMessageWithoutAStackTrace() {
        int exit = run("info", "mnist");

        assertEquals(1, exit);
        assertEquals("Unknown data set 'mnist'. Known data sets: digits.\n", text(err));
    }

    @Test
    void aBadCommandLinePrintsTheUsage() {
        assertEquals(2, run("show"));
        assertTrue(text(err).startsWith("usage: datasets info ID"), text(err));
        err.reset();
        assertEquals(2, run("info", "digits", "--seed", "many"));
        assertTrue(text(err).startsWith("--seed takes an integer, got 'many'"), text(err));
    }

    private int run(String... args) {
        return DatasetsCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
