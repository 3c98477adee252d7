package org.nnlab.grader.sandbox;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The process tree of an unsandboxed command, found through {@link ProcessHandle#descendants()}.
 *
 * <p>Descendants are remembered while the command runs, because a child whose parent ended is re-parented and is
 * no longer a descendant of the command. A process that detaches before it is first seen (within
 * {@link ProcessSupervisor#POLL}) can escape: that is one reason this is for trusted code only.
 */
final class DescendantTree implements ProcessTree {

    private static final Duration KILL_BOUND = Duration.ofSeconds(5);
    private static final Duration RETRY = Duration.ofMillis(20);

    private final Set<ProcessHandle> seen = new LinkedHashSet<>();

    @Override
    public void observe(Process process) {
        process.descendants().forEach(seen::add);
    }

    @Override
    public void killAll(Process process) {
        long end = System.nanoTime() + KILL_BOUND.toNanos();
        do {
            observe(process);
            for (ProcessHandle handle : Set.copyOf(seen)) {
                handle.descendants().forEach(seen::add);
            }
            process.toHandle().destroyForcibly();
            // ProcessHandle checks the start time of the pid, so a reused pid is never killed by mistake.
            seen.forEach(ProcessHandle::destroyForcibly);
            seen.removeIf(handle -> !LinuxProcesses.isLiving(handle));
            if (seen.isEmpty() && !process.isAlive()) {
                return;
            }
            Uninterruptibly.sleep(RETRY);
        } while (System.nanoTime() < end);
    }
}
