package org.nnlab.grader.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The cgroup(s) of one sandboxed job: its memory and pids limits, the tree kill, and the record of whether the
 * memory limit killed something.
 *
 * <p>On cgroup v1 a job is two directories ({@code memory/…/job} and {@code pids/…/job}), on v2 one. The launching
 * shell writes its pid into every {@link #procsFiles() cgroup.procs} file before it execs the wrapper chain, so
 * that every process of the job is inside from its first instruction.
 */
final class CgroupJob implements AutoCloseable {

    private static final Duration KILL_BOUND = Duration.ofSeconds(10);
    private static final Duration RETRY = Duration.ofMillis(10);

    private final CgroupHierarchy.Version version;
    private final Path memoryDir;
    private final Path pidsDir;
    private final List<Path> dirs;
    private boolean closed;

    private CgroupJob(CgroupHierarchy.Version version, Path memoryDir, Path pidsDir) {
        this.version = version;
        this.memoryDir = memoryDir;
        this.pidsDir = pidsDir;
        this.dirs = memoryDir.equals(pidsDir) ? List.of(memoryDir) : List.of(memoryDir, pidsDir);
    }

    /**
     * @param version   the cgroup version
     * @param memoryDir an existing job's directory in the memory hierarchy
     * @param pidsDir   its directory in the pids hierarchy (the same as memoryDir on v2)
     * @return that job, e.g. one that a grader killed mid-job left behind, to {@link #close()} it
     */
    static CgroupJob existing(CgroupHierarchy.Version version, Path memoryDir, Path pidsDir) {
        return new CgroupJob(version, memoryDir, pidsDir);
    }

    /**
     * Creates the job's directories and sets its limits; removes them again when a limit cannot be set.
     *
     * @param version      the cgroup version
     * @param memoryDir    the job's directory in the memory hierarchy
     * @param pidsDir      the job's directory in the pids hierarchy (the same as memoryDir on v2)
     * @param memoryBytes  memory of the whole job
     * @param maxProcesses processes and threads of the whole job
     * @return the job, with no process in it yet
     * @throws IOException when a directory or a limit cannot be written
     */
    static CgroupJob create(CgroupHierarchy.Version version, Path memoryDir, Path pidsDir, long memoryBytes,
                            long maxProcesses) throws IOException {
        CgroupJob job = new CgroupJob(version, memoryDir, pidsDir);
        List<Path> created = new ArrayList<>();
        try {
            for (Path dir : job.dirs) {
                created.add(Files.createDirectory(dir));
            }
            if (version == CgroupHierarchy.Version.V1) {
                write(memoryDir.resolve("memory.limit_in_bytes"), memoryBytes);
                writeIfPresent(memoryDir.resolve("memory.memsw.limit_in_bytes"), Long.toString(memoryBytes));
            } else {
                write(memoryDir.resolve("memory.max"), memoryBytes);
                writeIfPresent(memoryDir.resolve("memory.swap.max"), "0");
                writeIfPresent(memoryDir.resolve("memory.oom.group"), "1");
            }
            write(pidsDir.resolve("pids.max"), maxProcesses);
            return job;
        } catch (IOException | RuntimeException e) {
            for (Path dir : created) {
                try {
                    Files.deleteIfExists(dir);
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    /** @return the cgroup.procs files the launching shell must write its pid into */
    List<Path> procsFiles() {
        return dirs.stream().map(dir -> dir.resolve("cgroup.procs")).toList();
    }

    /** @return the job's directories */
    List<Path> directories() {
        return dirs;
    }

    /** @return the pids now in the job's cgroup(s) */
    Set<Long> pids() {
        Set<Long> pids = new LinkedHashSet<>();
        for (Path procs : procsFiles()) {
            try {
                for (String line : Files.readAllLines(procs, StandardCharsets.US_ASCII)) {
                    if (!line.isBlank()) {
                        pids.add(Long.parseLong(line.trim()));
                    }
                }
            } catch (NoSuchFileException gone) {
                // removed already
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pids;
    }

    /**
     * Kills every process in the job: first forbids new forks (pids.max 0), then kills with SIGKILL (v2:
     * cgroup.kill where the kernel has it) until the cgroup is empty, for at most 10 s.
     *
     * @return whether the cgroup is empty
     */
    boolean killAll() {
        try {
            writeIfPresent(pidsDir.resolve("pids.max"), "0");
            writeIfPresent(memoryDir.resolve("cgroup.kill"), "1");
        } catch (IOException e) {
            // the loop below kills one by one
        }
        long self = ProcessHandle.current().pid();
        long end = System.nanoTime() + KILL_BOUND.toNanos();
        while (true) {
            Set<Long> pids = pids();
            if (pids.isEmpty()) {
                return true;
            }
            if (System.nanoTime() > end) {
                return false;
            }
            for (long pid : pids) {
                if (pid != self) {
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
            Uninterruptibly.sleep(RETRY);
        }
    }

    /**
     * Whether the memory cgroup killed a process of the job: the {@code oom_kill} count of memory.oom_control (v1)
     * or memory.events (v2); where the kernel has no such count, whether the limit was reached at all
     * (memory.failcnt on v1, {@code oom} events on v2).
     *
     * @return whether the job ran into its memory limit
     */
    boolean memoryLimitHit() {
        if (version == CgroupHierarchy.Version.V1) {
            Long oomKills = keyedValue(memoryDir.resolve("memory.oom_control"), "oom_kill");
            if (oomKills != null) {
                return oomKills > 0;
            }
            return number(memoryDir.resolve("memory.failcnt")) > 0
                    || number(memoryDir.resolve("memory.memsw.failcnt")) > 0;
        }
        Long oomKills = keyedValue(memoryDir.resolve("memory.events"), "oom_kill");
        if (oomKills != null) {
            return oomKills > 0;
        }
        Long ooms = keyedValue(memoryDir.resolve("memory.events"), "oom");
        return ooms != null && ooms > 0;
    }

    /**
     * Whether a fork or a new thread of the job was refused at its pids limit: the {@code max} count of pids.events
     * (v1 and v2). A kill at the end forbids forks too (pids.max 0), so read it before.
     *
     * @return whether the job ran into its process limit
     */
    boolean processLimitHit() {
        Long refused = keyedValue(pidsDir.resolve("pids.events"), "max");
        return refused != null && refused > 0;
    }

    /**
     * The most memory the job's cgroup held at once: {@code memory.max_usage_in_bytes} on v1, {@code memory.peak}
     * on v2 (kernels from 5.19). It counts what the cgroup was charged: resident memory, and the page cache and
     * tmpfs pages the job first touched.
     *
     * @return the peak in bytes, or -1 where the kernel does not record it
     */
    long peakMemoryBytes() {
        Path file = memoryDir.resolve(version == CgroupHierarchy.Version.V1 ? "memory.max_usage_in_bytes"
                : "memory.peak");
        return Files.exists(file) ? number(file) : -1;
    }

    /**
     * Kills what is left and removes the job's directories.
     *
     * @throws IllegalStateException when processes survived the kill, so the cgroup could not be removed
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        boolean empty = killAll();
        List<String> problems = new ArrayList<>();
        for (Path dir : dirs) {
            IOException last = null;
            for (int attempt = 0; attempt < 50; attempt++) {
                try {
                    Files.deleteIfExists(dir);
                    last = null;
                    break;
                } catch (IOException busy) {
                    last = busy; // a killed process may still be leaving the cgroup
                    Uninterruptibly.sleep(RETRY);
                }
            }
            if (last != null) {
                problems.add(dir + ": " + last);
            }
        }
        closed = true;
        if (!empty || !problems.isEmpty()) {
            throw new IllegalStateException("sandbox cleanup failed: processes " + pids() + " survived in " + dirs
                    + " " + problems);
        }
    }

    private static void write(Path file, long value) throws IOException {
        Files.writeString(file, Long.toString(value));
    }

    private static void writeIfPresent(Path file, String value) throws IOException {
        if (Files.exists(file)) {
            Files.writeString(file, value);
        }
    }

    private static long number(Path file) {
        try {
            return Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    private static Long keyedValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 2 && parts[0].equals(key)) {
                    return Long.parseLong(parts[1]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return null;
        }
        return null;
    }
}
