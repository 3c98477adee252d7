package org.nnlab.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.grader.check.CheckCatalog;
import org.nnlab.grader.reflection.ClaimReader;

class GraderCommandTest {
    private static final Path DIGITS = Path.of(System.getProperty("nnlab.labs", "../../labs"))
            .resolve("digits-regularization");
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
    void checksListsTheCatalogueAndTheClaimsAReflectionUnderstands() {
        assertEquals(0, run("checks"));
        assertTrue(text(out).contains("regularization: a run has weight decay or L2"), text(out));
        assertTrue(text(out).contains("\n  lowest-validation-loss: the epoch where"), text(out));
        assertEquals(CheckCatalog.builtIn().types().size() + 2 + ClaimReader.standard().kinds().size(),
                text(out).lines().count(), "one line per type, a blank line, a heading and one line per claim");
    }

    @Test
    void benchmarkOptionsDefaultToTheIssuesPlanAndCanSkipParts() throws IOException {
        GraderCommand.Options defaults = GraderCommand.Options.parse(new String[] {"benchmark", "--lab", "."});
        assertEquals(5, defaults.repeat());
        assertEquals(20, defaults.queued());
        assertEquals(java.util.List.of(30, 60, 120), defaults.epochScales());
        assertEquals(java.util.List.of(1, 10, 50), defaults.queueScales());
        assertEquals(null, defaults.spares(), "the platform's auto");
        GraderCommand.Options skipping = GraderCommand.Options.parse(new String[] {"benchmark", "--lab", ".",
            "--queued", "0", "--epochs", "none", "--queues", "none", "--spares", "0"});
        assertEquals(0, skipping.spares());
        assertEquals(0, skipping.queued());
        assertTrue(skipping.epochScales().isEmpty());
        assertTrue(skipping.queueScales().isEmpty());
        assertEquals(java.util.List.of(2, 4), GraderCommand.Options.parse(new String[] {"benchmark", "--lab", ".",
            "--queues", "2,4"}).queueScales());
        assertEquals(java.util.List.of(10, 20), GraderCommand.Options.parse(new String[] {"benchmark", "--lab", ".",
            "--epochs", "10, 20"}).epochScales());
    }

    @Test
    void aJsonFileThatCannotBeWrittenIsRefusedBeforeAnyGrading(@TempDir Path temp) throws IOException {
        Path file = Files.writeString(temp.resolve("file"), "");
        assertEquals(2, run("benchmark", "--lab", DIGITS.toString(), "--json", file.resolve("out.json").toString()));
        assertTrue(text(err).startsWith("cannot write --json " + file.resolve("out.json") + ": its folder " + file
                + " cannot be made"), text(err));
        assertEquals("", text(out), "nothing was graded");
    }

    @Test
    void aBenchmarkQueueSizeMustBePositive() {
        assertEquals(2, run("benchmark", "--lab", ".", "--queues", "1,0"));
        assertTrue(text(err).startsWith("--queues takes a positive integer, got '0'"), text(err));
    }

    @Test
    void aBenchmarkEpochCountMustBePositive() {
        assertEquals(2, run("benchmark", "--lab", ".", "--epochs", "30,-1"));
        assertTrue(text(err).startsWith("--epochs takes a positive integer, got '-1'"), text(err));
    }

    @Test
    void kitWithoutOutIsAUsageError() {
        assertEquals(2, run("kit", "--lab", DIGITS.toString()));
        assertTrue(text(err).startsWith("kit needs --out FILE.zip"), text(err));
    }

    @Test
    void kitWritesTheLabsKitWithTheKitJarNamed(@TempDir Path temp) throws IOException {
        Path jar = Files.writeString(temp.resolve("nnlab-kit.jar"), "a kit jar");
        Path zip = temp.resolve("digits-kit.zip");

        assertEquals(0, run("kit", "--lab", DIGITS.toString(), "--out", zip.toString(), "--kit-jar", jar.toString()),
                text(err));

        assertTrue(text(out).startsWith("Student kit of digits-regularization written to " + zip), text(out));
        try (ZipFile kit = new ZipFile(zip.toFile())) {
            assertTrue(kit.getEntry("digits-regularization-kit/pom.xml") != null);
            assertTrue(kit.getEntry("digits-regularization-kit/data/digits.csv.gz").getSize() == 57_512);
        }
    }

    private int run(String... args) {
        return new GraderCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
