package org.nnlab.grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The probe fails closed with a message that says what to do. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SandboxProbeTest {

    @Test
    void probeOfAJvmThatIsNotRootSaysItMustRunAsRoot() throws Exception {
        assumeTrue(LinuxProcesses.uidsOfLiving(Path.of("/proc/self")).get(1) == 0,
                "only root can start a JVM as another user");
        Path classes = Path.of(BubblewrapSandbox.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path printProbe = Path.of(SandboxProbeTest.class.getResource("/sandbox/PrintProbe.java").toURI());
        Process jvm = new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-UsePerfData", "-Xmx64m",
                "-cp", classes.toString(), printProbe.toString())
                .redirectErrorStream(true).start();

        String said = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jvm.waitFor(30, TimeUnit.SECONDS);

        assertEquals(List.of("nnlab must run as root to create cgroups and drop to an unused uid (it runs as uid 65534):"
                + " run the grader as root, e.g. in its container"), said.lines().toList(), said);
    }
}
