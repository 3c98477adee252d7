package org.nnlab.grader.sandbox;

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
 */
public record SandboxRequest(List<String> command, List<Mount> mounts, Map<String, String> environment,
                             String workingDirectory, SandboxLimits limits) {

    /** Copies the lists so that the request cannot change after it was made. */
    public SandboxRequest {
        command = List.copyOf(command);
        mounts = List.copyOf(mounts);
        environment = Map.copyOf(environment);
    }
}
