package org.nnlab.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nnlab.grader.cli.LabSelfTest;
import org.nnlab.grader.lab.Lab;
import org.nnlab.grader.sandbox.BubblewrapSandbox;

/**
 * Every lab of the catalogue passes its self-test in the sandbox: the reference gets full marks, the starter compiles,
 * runs and gets less. The digits lab is left to {@link DigitsLabIT}, which grades both and more.
 */
@Execution(ExecutionMode.CONCURRENT)
class LabCatalogIT {
    private static Grader grader;

    @BeforeAll
    static void sandboxedGrader() {
        LabFolders.assumeSandbox();
        grader = Grader.standard(new BubblewrapSandbox());
    }

    /** @return the id of every lab folder of the repository but the digits lab */
    static Stream<String> labs() throws IOException {
        Path root = LabFolders.lab("digits-regularization").getParent();
        try (Stream<Path> folders = Files.list(root)) {
            return folders.filter(f -> Files.isRegularFile(f.resolve("lab.yaml")))
                    .map(f -> f.getFileName().toString()).filter(id -> !id.equals("digits-regularization"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labs")
    void theLabPassesItsSelfTest(String id) throws IOException {
        Lab lab = grader.labLoader().load(LabFolders.lab(id));

        LabSelfTest.Report report = new LabSelfTest(grader).run(lab);

        assertTrue(report.passed(), () -> id + ": " + report.problems());
        assertEquals(lab.maxScore(), report.reference().score());
        assertTrue(report.starter().check("completes").passed(), "the starter compiles and runs");
    }
}
