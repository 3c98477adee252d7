package org.nnlab.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GraderCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void noCommandPrintsTheUsage() {
        assertEquals(2, run());
        assertTrue(text(err).startsWith("no command given\nusage:"), text(err));
    }

    @Test
    void gradeWithoutLabIsAUsageError() {
        assertEquals(2, run("grade", "--submission", "."));
        assertTrue(text(err).startsWith("grade needs --lab DIR"), text(err));
    }

    @Test
    void aMissingSubmissionFileIsNamed() {
        assertEquals(2, run("grade", "--lab", ".", "--submission", "/nonexistent/Solution.java"));
        assertTrue(text(err).startsWith("the submission file /nonexistent/Solution.java does not exist"), text(err));
    }

    @Test
    void anAnswerWithoutIdIsAUsageError() {
        assertEquals(2, run("grade", "--lab", ".", "--answer", "reflection.txt"));
        assertTrue(text(err).startsWith("--answer takes ID=FILE, got 'reflection.txt'"), text(err));
    }

    @Test
    void aFolderWithoutLabFileIsAClearError() {
        assertEquals(2, run("validate", "--lab", "/"));
        assertEquals("/lab.yaml: no lab file; a lab folder must hold lab.yaml\n", text(err));
    }

    @Test
    void checksListsTheCatalogue() {
        assertEquals(0, run("checks"));
        assertTrue(text(out).contains("regularization: a run has weight decay or L2"), text(out));
        assertEquals(10, text(out).lines().count());
    }

    private int run(String... args) {
        return new GraderCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
