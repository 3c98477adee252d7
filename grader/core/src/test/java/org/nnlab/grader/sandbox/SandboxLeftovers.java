package org.nnlab.grader.sandbox;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What sandboxed jobs of this JVM could have left behind on the host: processes of their uids, job cgroups. */
public final class SandboxLeftovers {
    private SandboxLeftovers() {
    }

    /**
     * @param uid a job's uid, or -1 for none
     * @return the pids of living processes (zombies left out) that have {@code uid} as any of their uids
     */
    public static List<Long> livingProcessesOf(int uid) throws IOException {
        List<Long> pids = new ArrayList<>();
        if (uid < 0) {
            return pids;
        }
        try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : proc) {
                if (LinuxProcesses.uidsOfLiving(process).contains((long) uid)) {
                    pids.add(Long.parseLong(process.getFileName().toString()));
                }
            }
        }
        return pids;
    }

    /**
     * Processes of this JVM's jobs that are still running: its descendants that run as a uid of the sandbox's pool
     * (other graders on the machine use the pool too). One that left the tree (daemonized) is still in its job's
     * cgroup, and so in {@link #jobCgroupsOfThisJvm()}.
     *
     * @return their pids; zombies are left out
     */
    public static List<Long> livingSandboxProcessesOfThisJvm() {
        return ProcessHandle.current().descendants().map(ProcessHandle::pid)
                .filter(pid -> LinuxProcesses.uidsOfLiving(Path.of("/proc", Long.toString(pid))).stream()
                        .anyMatch(uid -> uid >= UidPool.FIRST && uid <= UidPool.LAST)).toList();
    }

    /** @return the job cgroup directories this JVM created that still exist */
    public static List<Path> jobCgroupsOfThisJvm() throws IOException {
        String prefix = ProcessHandle.current().pid() + "-";
        List<Path> left = new ArrayList<>();
        for (Path parent : CgroupHierarchy.detect().jobParents()) {
            try (DirectoryStream<Path> jobs = Files.newDirectoryStream(parent, prefix + "*")) {
                jobs.forEach(left::add);
            }
        }
        return left;
    }
}
