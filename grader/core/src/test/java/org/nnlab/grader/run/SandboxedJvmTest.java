package org.nnlab.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.grader.lab.LabLimits;

class SandboxedJvmTest {
    private static final LabLimits LAB = new LabLimits(20, 480, 1024, 256, 256, 1, 256);

    @TempDir
    Path folder;

    @Test
    void aHarnessJvmRunsOnTheC1CompilerOnly() throws IOException {
        List<String> command = jvm().request("Main", "job.json", List.of(), List.of(), LAB, Duration.ofSeconds(20))
                .command();

        assertTrue(command.contains("-XX:TieredStopAtLevel=1"), command.toString());
        assertFalse(command.stream().anyMatch(option -> option.startsWith("-XX:CompilerDirectivesFile")));
    }

    @Test
    void theTrainingJvmGivesC2TheFastLoopOnlyAndPrintsNothingOfItsDirectives() throws IOException {
        Path directives = folder.resolve("directives.json");
        List<String> command = jvm().request("Main", "job.json", List.of(), List.of(), LAB, Duration.ofSeconds(20),
                SandboxedJvm.fastLoopCompiler(directives)).command();

        assertFalse(command.contains("-XX:TieredStopAtLevel=1"), command.toString());
        assertTrue(command.contains("-XX:CompilerDirectivesFile=" + directives), command.toString());
        assertTrue(command.contains("-XX:-DisplayVMOutput"), command.toString());
        assertTrue(command.indexOf("-XX:+UnlockDiagnosticVMOptions") < command.indexOf("-XX:-DisplayVMOutput"));
        assertEquals("Main", command.get(command.size() - 2));
        assertTrue(SandboxedJvm.FAST_LOOP_DIRECTIVES.indexOf("org/nnlab/harness/fast/*.*")
                < SandboxedJvm.FAST_LOOP_DIRECTIVES.indexOf("\"*.*\""), "the first directive that matches applies");
    }

    private SandboxedJvm jvm() throws IOException {
        Path home = folder.resolve("home");
        Files.createDirectories(home.resolve("lib"));
        Files.writeString(home.resolve("compile-classpath.txt"), "lib/api.jar");
        return new SandboxedJvm(GraderHome.at(home), new NativeLibraries(folder.resolve("natives")), "/natives");
    }
}
