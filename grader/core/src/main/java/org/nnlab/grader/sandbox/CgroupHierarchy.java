package org.nnlab.grader.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where this machine lets nnlab create per-job cgroups with the memory and pids controllers.
 *
 * <p>cgroup v1 (separate {@code memory} and {@code pids} hierarchies) is preferred where both are mounted, else
 * cgroup v2 (unified). Job cgroups live in a {@code nnlab} directory under the grader's own cgroup, so that they
 * stay within whatever limits the grader itself runs under.
 *
 * <p>On cgroup v2 a cgroup that holds processes cannot hand controllers to its children ("no internal processes"),
 * unless it is the root. Where the grader's own cgroup is not the root, it moves its own JVM into a leaf
 * {@code nnlab-supervisor} first, as delegated cgroups are meant to be used.
 */
final class CgroupHierarchy {

    /** The cgroup version in use. */
    enum Version {
        /** Separate hierarchies per controller, {@code memory.limit_in_bytes}. */
        V1,
        /** One unified hierarchy, {@code memory.max}. */
        V2
    }

    private static final String JOBS_DIR = "nnlab";
    private static final AtomicLong JOB_COUNTER = new AtomicLong();
    private static final Pattern JOB_NAME = Pattern.compile("(\\d+)-\\d+");
    private static final Logger LOG = Logger.getLogger(CgroupHierarchy.class.getName());

    private final Version version;
    private final Path memoryJobs;
    private final Path pidsJobs;

    private CgroupHierarchy(Version version, Path memoryJobs, Path pidsJobs) {
        this.version = version;
        this.memoryJobs = memoryJobs;
        this.pidsJobs = pidsJobs;
    }

    /**
     * Finds the memory and pids controllers and prepares the {@code nnlab} directory for jobs.
     *
     * @return the hierarchy to create job cgroups in
     * @throws SandboxUnavailableException when no writable memory and pids controllers are found
     */
    static CgroupHierarchy detect() {
        List<String> mounts = readLines(Path.of("/proc/self/mountinfo"));
        List<String> own = readLines(Path.of("/proc/self/cgroup"));
        Optional<Path> memory = v1Directory(mounts, own, "memory");
        Optional<Path> pids = v1Directory(mounts, own, "pids");
        try {
            if (memory.isPresent() && pids.isPresent()) {
                return new CgroupHierarchy(Version.V1, createDirectory(memory.get().resolve(JOBS_DIR)),
                        createDirectory(pids.get().resolve(JOBS_DIR)));
            }
            Optional<Path> unified = v2Directory(mounts, own);
            if (unified.isPresent()) {
                Path jobs = prepareV2(unified.get(), isRootCgroup(own));
                return new CgroupHierarchy(Version.V2, jobs, jobs);
            }
        } catch (IOException e) {
            throw new SandboxUnavailableException("cannot create cgroups for sandboxed jobs (" + e
                    + "): nnlab must run as root with /sys/fs/cgroup mounted read-write");
        }
        throw new SandboxUnavailableException("no cgroup memory and pids controllers are mounted: mount cgroup v2 at"
                + " /sys/fs/cgroup with the memory and pids controllers enabled (or cgroup v1 memory and pids"
                + " hierarchies), e.g. run the grader's container with --cgroupns=private and a writable /sys/fs/cgroup");
    }

    /** @return "cgroup v1" or "cgroup v2" */
    String describe() {
        return version == Version.V1 ? "cgroup v1" : "cgroup v2";
    }

    /** @return the cgroup version in use */
    Version version() {
        return version;
    }

    /** @return the directories that hold the job cgroups (one per controller on v1, one on v2) */
    List<Path> jobParents() {
        return memoryJobs.equals(pidsJobs) ? List.of(memoryJobs) : List.of(memoryJobs, pidsJobs);
    }

    /**
     * Creates the cgroup(s) of one job, with its limits set.
     *
     * @param memoryBytes  memory of the whole job, swap included where the kernel accounts it
     * @param maxProcesses processes and threads of the whole job
     * @return the new job cgroup
     * @throws IOException when a cgroup cannot be created or a limit cannot be set (nothing is left behind)
     */
    CgroupJob createJob(long memoryBytes, long maxProcesses) throws IOException {
        String name = ProcessHandle.current().pid() + "-" + JOB_COUNTER.incrementAndGet();
        return CgroupJob.create(version, memoryJobs.resolve(name), pidsJobs.resolve(name), memoryBytes, maxProcesses);
    }

    /**
     * Kills and removes the job cgroups of graders that no longer run: a grader killed mid-job leaves its jobs'
     * cgroups behind, with any process its kill missed.
     *
     * @return the names of the jobs removed
     */
    List<String> removeAbandonedJobs() {
        Set<String> names = new TreeSet<>();
        for (Path parent : jobParents()) {
            try (Stream<Path> jobs = Files.list(parent)) {
                jobs.map(job -> job.getFileName().toString()).filter(CgroupHierarchy::ofAGraderGone)
                        .forEach(names::add);
            } catch (IOException unreadable) {
                // nothing to remove there
            }
        }
        List<String> removed = new ArrayList<>();
        for (String name : names) {
            try {
                CgroupJob.existing(version, memoryJobs.resolve(name), pidsJobs.resolve(name)).close();
                removed.add(name);
            } catch (IllegalStateException survived) {
                LOG.warning("an abandoned job cgroup could not be removed: " + survived.getMessage());
            }
        }
        return removed;
    }

    /** @return whether a job cgroup's name ({@code GRADERPID-N}) is that of a grader process no longer running */
    private static boolean ofAGraderGone(String name) {
        Matcher job = JOB_NAME.matcher(name);
        return job.matches() && ProcessHandle.of(Long.parseLong(job.group(1))).isEmpty();
    }

    private static Optional<Path> v1Directory(List<String> mounts, List<String> own, String controller) {
        for (String line : mounts) {
            MountInfo mount = MountInfo.parse(line);
            if (mount != null && mount.fsType().equals("cgroup") && mount.hasSuperOption(controller)) {
                for (String entry : own) {
                    String[] parts = entry.split(":", 3);
                    if (parts.length == 3 && List.of(parts[1].split(",")).contains(controller)) {
                        return Optional.of(mount.locate(parts[2]));
                    }
                }
                return Optional.of(mount.mountPoint());
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> v2Directory(List<String> mounts, List<String> own) {
        for (String line : mounts) {
            MountInfo mount = MountInfo.parse(line);
            if (mount == null || !mount.fsType().equals("cgroup2")) {
                continue;
            }
            String controllers = readFirstLine(mount.mountPoint().resolve("cgroup.controllers"));
            if (!List.of(controllers.split(" ")).containsAll(List.of("memory", "pids"))) {
                continue;
            }
            for (String entry : own) {
                if (entry.startsWith("0::")) {
                    return Optional.of(mount.locate(entry.substring(3)));
                }
            }
            return Optional.of(mount.mountPoint());
        }
        return Optional.empty();
    }

    private static boolean isRootCgroup(List<String> own) {
        return own.stream().anyMatch(entry -> entry.equals("0::/"));
    }

    private static Path prepareV2(Path ownCgroup, boolean isRoot) throws IOException {
        Path jobs = ownCgroup.resolve(JOBS_DIR);
        Path subtreeControl = ownCgroup.resolve("cgroup.subtree_control");
        try {
            Files.writeString(subtreeControl, "+memory +pids");
        } catch (IOException busy) {
            if (isRoot) {
                throw busy;
            }
            // "no internal processes": move this JVM into a leaf, then hand the controllers down
            Path supervisor = createDirectory(ownCgroup.resolve("nnlab-supervisor"));
            Files.writeString(supervisor.resolve("cgroup.procs"), Long.toString(ProcessHandle.current().pid()));
            Files.writeString(subtreeControl, "+memory +pids");
        }
        createDirectory(jobs);
        Files.writeString(jobs.resolve("cgroup.subtree_control"), "+memory +pids");
        return jobs;
    }

    private static Path createDirectory(Path directory) throws IOException {
        return Files.isDirectory(directory) ? directory : Files.createDirectory(directory);
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SandboxUnavailableException("cannot read " + file + " (" + e + "): the sandbox needs Linux"
                    + " with /proc mounted");
        }
    }

    private static String readFirstLine(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.isEmpty() ? "" : lines.get(0);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * One line of /proc/self/mountinfo, as far as cgroups need it.
     *
     * @param root         the directory of the file system mounted here (a cgroup path for cgroup file systems)
     * @param mountPoint   where it is mounted
     * @param fsType       the file system type
     * @param superOptions the file system's options (the controllers of a cgroup v1 hierarchy)
     */
    private record MountInfo(String root, Path mountPoint, String fsType, List<String> superOptions) {

        static MountInfo parse(String line) {
            String[] halves = line.split(" - ", 2);
            if (halves.length != 2) {
                return null;
            }
            String[] left = halves[0].split(" ");
            String[] right = halves[1].split(" ");
            if (left.length < 5 || right.length < 3) {
                return null;
            }
            return new MountInfo(unescape(left[3]), Path.of(unescape(left[4])), right[0], List.of(right[2].split(",")));
        }

        boolean hasSuperOption(String option) {
            return superOptions.contains(option);
        }

        /** @return the directory of {@code cgroupPath} under this mount, or the mount point when it is not there */
        Path locate(String cgroupPath) {
            String relative = cgroupPath;
            if (!root.equals("/") && (relative.equals(root) || relative.startsWith(root + "/"))) {
                relative = relative.substring(root.length());
            }
            relative = relative.replaceFirst("^/+", "");
            Path directory = mountPoint.resolve(relative).normalize();
            return directory.startsWith(mountPoint) && Files.isDirectory(directory) ? directory : mountPoint;
        }

        private static String unescape(String field) {
            return field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
        }
    }
}
