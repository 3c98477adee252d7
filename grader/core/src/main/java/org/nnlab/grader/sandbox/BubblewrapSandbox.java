package org.nnlab.grader.sandbox;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * The sandbox for untrusted (student) code: bubblewrap inside a per-job cgroup, rlimits and an unused uid.
 *
 * <p>Each run gets its own cgroup (memory and pids limits), a wall-clock limit ({@code timeout --signal=KILL}),
 * rlimits (no core dumps, file size, 4096 open files, CPU time), a uid that nobody else uses, and bubblewrap
 * namespaces with a read-only view of /usr and only the request's mounts; see {@link SandboxCommandLine} for the
 * whole command line. Afterwards every process left in the cgroup is killed and the cgroup removed; the writable
 * mounts are given back to their owner; the uid is returned to the pool.
 *
 * <p>It fails closed: the first {@link #run} (or {@link #probe()}) checks once that this machine can sandbox, with a
 * trial run through the full wrapper, and where it cannot, every {@link #run} throws
 * {@link SandboxUnavailableException} saying what is missing. Nothing is ever run unsandboxed by this class. That
 * check also kills and removes the job cgroups that graders no longer running left behind.
 *
 * <p>How an outcome is read:
 * <ul>
 *   <li>{@code timedOut}: the supervisor killed the job at its deadline, or it exited with 137 (SIGKILL, what
 *       {@code timeout --signal=KILL} gives) after at least the wall time;</li>
 *   <li>{@code cpuLimitHit}: not timed out, and the exit status is 152 (SIGXCPU at the soft CPU limit), or 137
 *       without a memory kill after a wall time long enough to have used the CPU limit on this machine's
 *       processors (SIGKILL at the hard limit, one second later, for a process that ignores SIGXCPU);</li>
 *   <li>{@code memoryLimitHit}: the job's memory cgroup killed a process ({@link CgroupJob#memoryLimitHit()});</li>
 *   <li>{@code processLimitHit}: its pids cgroup refused a fork or a thread ({@link CgroupJob#processLimitHit()}),
 *       also while the job was being killed at a limit;</li>
 *   <li>{@code diskLimitHit}: its writable mounts held more than the limits' {@code scratchBytes}, or more than
 *       {@link WritableMountQuota#MAX_ENTRIES} files and folders, and the job was killed for it.</li>
 * </ul>
 *
 * <p>The limits' {@code cpus} is not enforced here: pass {@code -XX:ActiveProcessorCount} to a JVM in the command.
 * {@code maxProcesses} counts the job's own processes and threads; the three processes of the wrapper
 * ({@code timeout}, {@code bwrap} and its init) come on top. The host paths of mounts must be reachable by an
 * unprivileged user (see {@link RequestChecks#checkMounts}); writable mounts are host folders, so what the job
 * writes there is watched ({@link WritableMountQuota}); they must not be shared by jobs that run at the same time
 * (each job owns its writable mounts while it runs, see {@link MountOwnership}).
 *
 * <p>A request with a {@link StartGate} is started at once, and its wall-clock limit runs from the gate's opening:
 * the grader kills it then ({@code timedOut}), and {@code timeout} backs that up after the gate's wait limit.
 *
 * <p>Thread-safe: concurrent runs get distinct uids and cgroups. If the calling thread is interrupted, the job is
 * killed, everything is cleaned up, the interrupt flag is set again and {@link CancellationException}
 * is thrown.
 */
public final class BubblewrapSandbox implements Sandbox {

    /** How long past the wall time the grader waits before it kills the job itself, should timeout fail. */
    private static final Duration BACKSTOP = Duration.ofSeconds(5);

    private static final SandboxLimits TRIAL_LIMITS = new SandboxLimits(Duration.ofSeconds(20), 10, 64L << 20, 16,
            1L << 20, 1L << 20, 16 * 1024, 1);
    private static final SandboxRequest TRIAL = new SandboxRequest(
            List.of("/bin/sh", "-c", "test \"$(id -u)\" -ne 0"), List.of(), Map.of(), "/tmp", TRIAL_LIMITS);

    private static Setup setup;

    /** What the probe found: the verdict, and where it is available the tools and cgroups to use. */
    private record Setup(SandboxProbe probe, HostTools tools, CgroupHierarchy cgroups) {
    }

    /** What a supervised job left behind for its outcome. */
    private record Ended(ProcessSupervisor.Finished finished, boolean memoryLimitHit, boolean processLimitHit,
                         boolean diskLimitHit, long peakMemoryBytes) {
    }

    /** The setup of this instance; null for the machine's, found once per JVM. */
    private final Setup fixed;

    /** Creates a sandbox; the machine is checked at the first {@link #run} or {@link #probe()}. */
    public BubblewrapSandbox() {
        this.fixed = null;
    }

    /**
     * Creates a sandbox that behaves as on a machine that cannot sandbox, to test that callers fail closed.
     *
     * @param unavailable a probe whose {@code available} is false
     */
    BubblewrapSandbox(SandboxProbe unavailable) {
        if (unavailable.available()) {
            throw new IllegalArgumentException("only an unavailable probe can be forced");
        }
        this.fixed = new Setup(unavailable, null, null);
    }

    /**
     * Checks, once per JVM, whether this machine can sandbox: Linux, the programs (bwrap, setpriv, prlimit,
     * timeout), running as root, user namespaces, writable memory and pids cgroups, and a trial run of a command
     * through the full wrapper that checks it runs as a uid other than 0.
     *
     * @return the verdict; when unavailable, its problem says what to install or run
     */
    public static SandboxProbe probe() {
        return setup().probe();
    }

    /**
     * Runs the request in the sandbox.
     *
     * @param request what to run; its mounts' host paths must be reachable by an unprivileged user
     * @return how it ended
     * @throws SandboxUnavailableException when this machine cannot sandbox; nothing was run
     * @throws IllegalArgumentException    when the request is malformed; nothing was run
     * @throws CancellationException       when the calling thread was interrupted; the job was killed and cleaned
     *                                     up, and the interrupt flag is set
     * @throws IllegalStateException       when a process of the job survived the kill (its uid is then never
     *                                     handed out again by this JVM)
     */
    @Override
    public SandboxOutcome run(SandboxRequest request) {
        Setup current = fixed != null ? fixed : setup();
        if (!current.probe().available()) {
            throw new SandboxUnavailableException(current.probe().problem());
        }
        return execute(current.tools(), current.cgroups(), request);
    }

    /** @return e.g. "bubblewrap 0.8.0, cgroup v1", or what makes the sandbox unavailable */
    @Override
    public String describe() {
        return (fixed != null ? fixed : setup()).probe().description();
    }

    private static synchronized Setup setup() {
        if (setup == null) {
            setup = detect();
        }
        return setup;
    }

    private static Setup detect() {
        try {
            String os = System.getProperty("os.name", "");
            if (!os.toLowerCase(Locale.ROOT).contains("linux")) {
                throw new SandboxUnavailableException("the sandbox needs Linux (namespaces and cgroups); this is " + os);
            }
            HostTools tools = HostTools.find();
            requireRoot();
            requireUserNamespaces();
            CgroupHierarchy cgroups = CgroupHierarchy.detect();
            cgroups.removeAbandonedJobs();
            try {
                cgroups.createJob(TRIAL_LIMITS.memoryBytes(), TRIAL_LIMITS.maxProcesses()).close();
            } catch (IOException e) {
                throw new SandboxUnavailableException("cannot create a job cgroup under " + cgroups.jobParents()
                        + " (" + e + "): nnlab must run as root with a writable /sys/fs/cgroup");
            }
            SandboxOutcome trial = execute(tools, cgroups, TRIAL);
            if (trial.exitCode() != 0) {
                throw new SandboxUnavailableException(explainTrialFailure(trial));
            }
            return new Setup(SandboxProbe.ok(tools.bwrapVersion() + ", " + cgroups.describe()), tools, cgroups);
        } catch (SandboxUnavailableException e) {
            return new Setup(SandboxProbe.unavailable(e.getMessage()), null, null);
        } catch (CancellationException e) {
            throw e; // interrupted: not a verdict on the machine, so nothing is remembered
        } catch (RuntimeException e) {
            return new Setup(SandboxProbe.unavailable("the sandbox check failed: " + e), null, null);
        }
    }

    private static void requireRoot() {
        List<Long> uids = LinuxProcesses.uidsOfLiving(Path.of("/proc/self"));
        long effective = uids.size() > 1 ? uids.get(1) : -1;
        if (effective != 0) {
            throw new SandboxUnavailableException("nnlab must run as root to create cgroups and drop to an unused uid"
                    + " (it runs as uid " + effective + "): run the grader as root, e.g. in its container");
        }
    }

    private static void requireUserNamespaces() {
        String fix = "; or run nnlab in a VM or container where user namespaces are allowed";
        if (sysctl("/proc/sys/user/max_user_namespaces").equals("0")) {
            throw new SandboxUnavailableException("user namespaces are disabled: run"
                    + " 'sysctl -w user.max_user_namespaces=15000'" + fix);
        }
        if (sysctl("/proc/sys/kernel/unprivileged_userns_clone").equals("0")) {
            throw new SandboxUnavailableException("user namespaces are disabled for unprivileged users: run"
                    + " 'sysctl -w kernel.unprivileged_userns_clone=1'" + fix);
        }
        if (sysctl("/proc/sys/kernel/apparmor_restrict_unprivileged_userns").equals("1")) {
            throw new SandboxUnavailableException("AppArmor forbids unprivileged user namespaces: run"
                    + " 'sysctl -w kernel.apparmor_restrict_unprivileged_userns=0' or install an AppArmor profile"
                    + " for /usr/bin/bwrap" + fix);
        }
    }

    private static String sysctl(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return "";
        }
    }

    private static String explainTrialFailure(SandboxOutcome trial) {
        String said = (trial.stderr() + trial.stdout()).strip();
        String lower = said.toLowerCase(Locale.ROOT);
        if (lower.contains("namespace") || lower.contains("uid map") || lower.contains("operation not permitted")) {
            return "user namespaces are not usable by an unprivileged user here (bwrap said: " + said + "): run"
                    + " 'sysctl -w kernel.unprivileged_userns_clone=1' and 'sysctl -w user.max_user_namespaces=15000'"
                    + " (on Ubuntu also 'sysctl -w kernel.apparmor_restrict_unprivileged_userns=0'); in a container,"
                    + " start it with --security-opt seccomp=unconfined --security-opt apparmor=unconfined";
        }
        return "the trial run through the sandbox wrapper failed (exit " + trial.exitCode() + "): " + said;
    }

    private static SandboxOutcome execute(HostTools tools, CgroupHierarchy cgroups, SandboxRequest request) {
        RequestChecks.checkCommon(request);
        RequestChecks.checkMounts(request);
        SandboxLimits limits = request.limits();
        UidPool.Lease lease = UidPool.shared().acquire();
        boolean releaseUid = true;
        Ended ended;
        try {
            CgroupJob job;
            try {
                job = cgroups.createJob(limits.memoryBytes(),
                        (long) limits.maxProcesses() + SandboxCommandLine.WRAPPER_PROCESSES);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the job's cgroup", e);
            }
            try {
                ended = supervise(tools, job, lease.uid(), request);
            } finally {
                try {
                    job.close();
                } catch (IllegalStateException survivors) {
                    releaseUid = false;
                    throw survivors;
                }
            }
        } finally {
            if (releaseUid) {
                lease.close();
            }
        }
        ended.finished().throwIfInterrupted();
        return outcome(ended, limits);
    }

    private static Ended supervise(HostTools tools, CgroupJob job, int uid, SandboxRequest request) {
        MountOwnership ownership = MountOwnership.lend(request.mounts(), uid);
        try {
            StartGate gate = request.gate();
            // A gated run's own clock starts at the gate: the supervisor kills it then, and timeout only backs it up.
            SandboxRequest wrapped = gate == null ? request : new SandboxRequest(request.command(), request.mounts(),
                    request.environment(), request.workingDirectory(), request.limits().withWallTime(
                            request.limits().wallTime().plus(gate.waitLimit()).plus(BACKSTOP)), request.devices());
            ProcessBuilder builder = new ProcessBuilder(
                    SandboxCommandLine.build(tools, job.procsFiles(), uid, wrapped));
            builder.environment().clear();
            builder.directory(new File("/"));
            WritableMountQuota quota = new WritableMountQuota(request.mounts(), request.limits().scratchBytes());
            ProcessTree tree = new ProcessTree() {
                @Override
                public void observe(Process process) {
                    if (quota.check()) {
                        job.killAll();
                    }
                }

                @Override
                public void killAll(Process process) {
                    job.killAll();
                    process.toHandle().destroyForcibly();
                }
            };
            Duration deadline = gate == null ? request.limits().wallTime().plus(BACKSTOP) : request.limits().wallTime();
            ProcessSupervisor.Finished finished = ProcessSupervisor.run(builder, deadline, gate,
                    request.limits().outputBytes(), tree);
            return new Ended(finished, job.memoryLimitHit(), job.processLimitHit(), quota.check(),
                    job.peakMemoryBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the sandbox wrapper", e);
        } finally {
            job.killAll(); // nothing of the job may run while its files are given back
            ownership.restore();
        }
    }

    private static SandboxOutcome outcome(Ended ended, SandboxLimits limits) {
        ProcessSupervisor.Finished finished = ended.finished();
        int exit = finished.exitCode();
        Duration elapsed = finished.elapsed();
        boolean timedOut = finished.hitDeadline() || (exit == 137 && elapsed.compareTo(limits.wallTime()) >= 0);
        boolean cpuTimeUsable = elapsed.toMillis() * Runtime.getRuntime().availableProcessors()
                >= limits.cpuSeconds() * 1000L;
        boolean cpuLimitHit = !timedOut
                && (exit == 152 || (exit == 137 && !ended.memoryLimitHit() && cpuTimeUsable));
        return new SandboxOutcome(exit, timedOut, cpuLimitHit, ended.memoryLimitHit(), ended.processLimitHit(),
                ended.diskLimitHit(),
                finished.stdout().text(), finished.stderr().text(), finished.outputTruncated(), elapsed,
                ended.peakMemoryBytes());
    }
}
