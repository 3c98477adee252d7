package org.nnlab.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nnlab.grader.cli.LabSelfTest;
import org.nnlab.grader.lab.Lab;
import org.nnlab.grader.sandbox.BubblewrapSandbox;

/** Every lab of the catalogue passes its self-test in the sandbox: the reference gets full marks, the starter less. */
class LabCatalogIT {
    private static Grader grader;

    @BeforeAll
    static void sandboxedGrader() {
        LabFolders.assumeSandbox();
        grader = Grader.standard(new BubblewrapSandbox());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lr-schedules", "early-stopping"})
    void theLabPassesItsSelfTest(String id) throws IOException {
        Lab lab = grader.labLoader().load(LabFolders.lab(id));

        LabSelfTest.Report report = new LabSelfTest(grader).run(lab);

        assertTrue(report.passed(), () -> id + ": " + report.problems());
        assertEquals(lab.maxScore(), report.reference().score());
        assertTrue(report.starter().check("completes").passed(), "the starter compiles and runs");
    }
}
