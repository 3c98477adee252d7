package org.nnlab.grader.sandbox;

/**
 * Whether this machine can run untrusted code in a {@link BubblewrapSandbox}, as found by
 * {@link BubblewrapSandbox#probe()}.
 *
 * @param available   whether a trial run through the full wrapper succeeded
 * @param problem     when not available, what is missing and the command that fixes it; empty when available
 * @param description when available, e.g. "bubblewrap 0.8.0, cgroup v1"; else a short description of the failure
 */
public record SandboxProbe(boolean available, String problem, String description) {

    /**
     * @param description e.g. "bubblewrap 0.8.0, cgroup v1"
     * @return a probe of a machine that can sandbox
     */
    static SandboxProbe ok(String description) {
        return new SandboxProbe(true, "", description);
    }

    /**
     * @param problem what is missing and the command that fixes it
     * @return a probe of a machine that cannot sandbox
     */
    static SandboxProbe unavailable(String problem) {
        return new SandboxProbe(false, problem, "bubblewrap sandbox (unavailable: " + problem + ")");
    }
}
