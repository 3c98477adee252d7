package org.nnlab.grader.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One command to run in a sandbox.
 *
 * @param command          the program and its arguments, with paths as seen inside the sandbox
 * @param mounts           host paths to make visible, besides the system directories every sandbox gets
 * @param environment      the whole environment of the process (nothing of the caller's is inherited)
 * @param workingDirectory the directory it starts in, inside the sandbox
 * @param limits           its resource limits
 * @param devices          host device files bound into the sandbox's otherwise minimal {@code /dev}, e.g. a GPU's
 *                         {@code /dev/nvidia0}: only GPU jobs get any
 * @param gate             for a command started before its input is ready, what starts its wall-clock limit; null
 *                         for a command whose limit runs from its start
 */
public record SandboxRequest(List<String> command, List<Mount> mounts, Map<String, String> environment,
                             String workingDirectory, SandboxLimits limits, List<Path> devices, StartGate gate) {

    /** Copies the lists so that the request cannot change after it was made. */
    public SandboxRequest {
        command = List.copyOf(command);
        mounts = List.copyOf(mounts);
        environment = Map.copyOf(environment);
        devices = List.copyOf(devices);
    }

    /** A request whose wall-clock limit runs from its start. */
    public SandboxRequest(List<String> command, List<Mount> mounts, Map<String, String> environment,
                          String workingDirectory, SandboxLimits limits, List<Path> devices) {
        this(command, mounts, environment, workingDirectory, limits, devices, null);
    }

    /** A request without devices, as every CPU job's. */
    public SandboxRequest(List<String> command, List<Mount> mounts, Map<String, String> environment,
                          String workingDirectory, SandboxLimits limits) {
        this(command, mounts, environment, workingDirectory, limits, List.of());
    }

    /** @return this request, started before its input is ready and held by the gate */
    public SandboxRequest withGate(StartGate startGate) {
        return new SandboxRequest(command, mounts, environment, workingDirectory, limits, devices, startGate);
    }
}
