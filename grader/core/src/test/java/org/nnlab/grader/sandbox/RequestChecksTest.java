package org.nnlab.grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed requests are refused with a message that says what is wrong, before anything runs. */
class RequestChecksTest {

    private static final SandboxLimits LIMITS = new SandboxLimits(Duration.ofSeconds(1), 1, 1L << 28, 10, 4096,
            4096, 100, 1);

    @TempDir
    Path temp;

    @Test
    void mountBelowAPrivateDirectoryIsRefusedWithTheChmodToRun() throws IOException {
        Path secret = Files.createDirectory(temp.resolve("private"));
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rwx------"));
        Path code = Files.createDirectory(secret.resolve("code"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RequestChecks.checkMounts(request(List.of("/bin/true"), List.of(Mount.readOnly(code)), "/tmp")));

        assertEquals("the sandbox cannot reach the mount " + code + ": the directory " + secret
                + " is not searchable by other users; run 'chmod o+x " + secret + "' or mount another directory",
                e.getMessage());
    }

    @Test
    void mountOfAMissingPathIsRefused() {
        Path missing = temp.resolve("missing");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RequestChecks.checkMounts(request(List.of("/bin/true"), List.of(Mount.readOnly(missing)), "/tmp")));

        assertEquals("a mount's host path does not exist: " + missing, e.getMessage());
    }

    @Test
    void relativeOrUnnormalInsidePathIsRefused() {
        for (String inside : List.of("work", "/work/../etc", "/")) {
            assertThrows(IllegalArgumentException.class, () -> RequestChecks.checkMounts(
                    request(List.of("/bin/true"), List.of(Mount.readOnly(temp, inside)), "/tmp")), inside);
        }
    }

    @Test
    void emptyCommandIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RequestChecks.checkCommon(request(List.of(), List.of(), "/tmp")));

        assertEquals("the command is empty", e.getMessage());
    }

    @Test
    void relativeWorkingDirectoryIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> RequestChecks.checkCommon(request(List.of("/bin/true"), List.of(), "tmp")));
    }

    @Test
    void environmentNameWithAnEqualsSignIsRefused() {
        SandboxRequest request = new SandboxRequest(List.of("/bin/true"), List.of(), Map.of("A=B", "1"), "/tmp", LIMITS);

        assertThrows(IllegalArgumentException.class, () -> RequestChecks.checkCommon(request));
    }

    @Test
    void aDeviceOutsideDevIsRefused() {
        SandboxRequest request = new SandboxRequest(List.of("/bin/true"), List.of(), Map.of(), "/tmp", LIMITS,
                List.of(Path.of("/dev/../etc/shadow")));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RequestChecks.checkCommon(request));

        assertEquals("a device must be a file under /dev: /dev/../etc/shadow", e.getMessage());
    }

    @Test
    void nonPositiveLimitsAreRefused() {
        SandboxLimits noMemory = new SandboxLimits(Duration.ofSeconds(1), 1, 0, 10, 4096, 4096, 100, 1);
        SandboxRequest request = new SandboxRequest(List.of("/bin/true"), List.of(), Map.of(), "/tmp", noMemory);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RequestChecks.checkCommon(request));

        assertEquals("memoryBytes must be positive: 0", e.getMessage());
    }

    private static SandboxRequest request(List<String> command, List<Mount> mounts, String workingDirectory) {
        return new SandboxRequest(command, mounts, Map.of(), workingDirectory, LIMITS);
    }
}
