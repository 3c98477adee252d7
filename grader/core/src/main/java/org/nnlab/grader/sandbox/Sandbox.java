package org.nnlab.grader.sandbox;

/** Runs a command isolated from the host, within limits. */
public interface Sandbox {

    /**
     * Runs the request to its end and cleans up every process it started.
     *
     * @param request what to run
     * @return how it ended
     * @throws SandboxUnavailableException when this machine cannot sandbox (fail closed: nothing was run)
     */
    SandboxOutcome run(SandboxRequest request);

    /** @return a short description for provenance and logs, e.g. "bubblewrap 0.8.0, cgroup v1" */
    String describe();
}
