package org.nnlab.grader.sandbox;

/**
 * Everything a supervised command started, as far as its runner can find it: how {@link ProcessSupervisor} kills
 * the whole tree at the deadline, on interruption, and after the command ended (leftover background processes).
 */
interface ProcessTree {

    /**
     * Called about every {@link ProcessSupervisor#POLL} while the command runs, to remember its processes.
     *
     * @param process the process that was started
     */
    default void observe(Process process) {
    }

    /**
     * Kills the process and everything it started, and returns when they are gone or after a bounded wait.
     *
     * <p>Kill the process through {@link Process#toHandle()}: {@link Process#destroyForcibly()} also closes its
     * output streams, which loses output not yet read when the process had already exited.
     *
     * @param process the process that was started
     */
    void killAll(Process process);

    /** @return a tree that is just the started process, for host commands that start no children */
    static ProcessTree justTheProcess() {
        return process -> process.toHandle().destroyForcibly();
    }
}
