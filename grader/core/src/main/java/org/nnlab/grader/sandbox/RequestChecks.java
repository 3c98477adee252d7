package org.nnlab.grader.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Map;

/** Checks a {@link SandboxRequest} before anything is started, so that a bad request fails with a clear message. */
final class RequestChecks {

    private RequestChecks() {
    }

    /**
     * Checks what both runners need: a command, an absolute working directory, a usable environment and limits.
     *
     * @param request the request
     * @throws IllegalArgumentException naming what is wrong
     */
    static void checkCommon(SandboxRequest request) {
        require(!request.command().isEmpty(), "the command is empty");
        require(request.workingDirectory() != null && request.workingDirectory().startsWith("/"),
                "the working directory must be an absolute path: " + request.workingDirectory());
        for (Map.Entry<String, String> entry : request.environment().entrySet()) {
            require(!entry.getKey().isEmpty() && entry.getKey().indexOf('=') < 0 && entry.getKey().indexOf('\0') < 0
                    && entry.getValue().indexOf('\0') < 0, "bad environment variable: " + entry.getKey());
        }
        for (java.nio.file.Path device : request.devices()) {
            require(device.isAbsolute() && device.normalize().startsWith("/dev/") && !device.toString().equals(
                    "/dev/"), "a device must be a file under /dev: " + device);
        }
        SandboxLimits limits = request.limits();
        require(limits != null, "the limits are missing");
        require(limits.wallTime() != null && limits.wallTime().compareTo(Duration.ofMillis(1)) >= 0,
                "the wall time must be at least 1 ms: " + limits.wallTime());
        require(limits.cpuSeconds() > 0, "cpuSeconds must be positive: " + limits.cpuSeconds());
        require(limits.memoryBytes() > 0, "memoryBytes must be positive: " + limits.memoryBytes());
        require(limits.maxProcesses() > 0, "maxProcesses must be positive: " + limits.maxProcesses());
        require(limits.maxFileBytes() > 0, "maxFileBytes must be positive: " + limits.maxFileBytes());
        require(limits.scratchBytes() > 0, "scratchBytes must be positive: " + limits.scratchBytes());
        require(limits.outputBytes() >= 0, "outputBytes must not be negative: " + limits.outputBytes());
    }

    /**
     * Checks the mounts of a sandboxed request: absolute, normal inside paths, and host paths that exist and that
     * the job's uid can reach. bubblewrap makes the mounts as the job's uid, so every directory above a mount's
     * host path must be searchable by others (mode o+x): a private temporary directory (mode 700) is not.
     *
     * @param request the request
     * @throws IllegalArgumentException naming the mount and what is wrong with it
     */
    static void checkMounts(SandboxRequest request) {
        for (Mount mount : request.mounts()) {
            String inside = mount.inside();
            require(inside != null && inside.startsWith("/") && Path.of(inside).normalize().toString().equals(inside)
                    && !inside.equals("/"), "a mount's inside path must be absolute, normal and not /: " + inside);
            Path host = mount.host().toAbsolutePath().normalize();
            require(Files.exists(host, LinkOption.NOFOLLOW_LINKS), "a mount's host path does not exist: " + host);
            for (Path dir = host.getParent(); dir != null; dir = dir.getParent()) {
                require(othersMaySearch(dir), "the sandbox cannot reach the mount " + host + ": the directory " + dir
                        + " is not searchable by other users; run 'chmod o+x " + dir + "' or mount another directory");
            }
        }
    }

    private static boolean othersMaySearch(Path dir) {
        try {
            return Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
