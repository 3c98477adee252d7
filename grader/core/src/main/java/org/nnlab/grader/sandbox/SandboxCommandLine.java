package org.nnlab.grader.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The command line that runs a request inside bubblewrap, wrapped from the outside in:
 * <ol>
 *   <li>{@code sh -c 'echo $$ > …/cgroup.procs && … && exec …'}: joins the job's cgroups, or fails before
 *       anything else runs;</li>
 *   <li>{@code env -i PATH=/usr/bin:/bin}: nothing of the grader's environment reaches the job, not even through
 *       {@code /proc/1/environ} inside;</li>
 *   <li>{@code nice -n 10}: when the job and the host's own processes (the platform's web threads) both want a
 *       core, the host's get it; the job cannot raise its priority again;</li>
 *   <li>{@code timeout --signal=KILL <wall>}: the wall-clock limit (exit 137);</li>
 *   <li>{@code prlimit --core=0 --fsize --nofile=4096 --cpu=<soft>:<soft+1>}: SIGXCPU (exit 152) at the CPU
 *       limit, SIGKILL a second later if the process ignores it; SIGXFSZ past the file size limit;</li>
 *   <li>{@code setpriv}: the job's unused uid and gid, no groups, no capabilities, no new privileges;</li>
 *   <li>{@code bwrap}: new user, pid, network, ipc, uts and cgroup namespaces, no nested user namespaces, a
 *       read-only /usr and the few /etc files the JDK needs, a private /proc, a minimal read-only /dev with a sized
 *       /dev/shm, a sized private /tmp, the request's mounts, a read-only root, and exactly the request's
 *       environment (HOME=/tmp unless it sets HOME);</li>
 *   <li>{@code sh -c 'unset PWD; exec …'}: takes out the PWD that bwrap adds, then execs the request's command.</li>
 * </ol>
 */
final class SandboxCommandLine {

    /** Processes of the wrapper itself in the job's pids cgroup: timeout, bwrap, and bwrap's init in the pid namespace. */
    static final int WRAPPER_PROCESSES = 3;

    /** The job's niceness: competing for a core with a process of niceness 0, it gets about a tenth of the time. */
    static final int NICENESS = 10;

    private static final List<String> MERGED_USR_DIRS = List.of("bin", "sbin", "lib", "lib64", "lib32", "libx32");

    private SandboxCommandLine() {
    }

    /**
     * Builds the command line.
     *
     * @param tools      the host programs
     * @param cgroupProcs the cgroup.procs files of the job
     * @param uid        the job's uid, also its gid
     * @param request    what to run
     * @return the program and its arguments, for {@link ProcessBuilder}
     */
    static List<String> build(HostTools tools, List<Path> cgroupProcs, int uid, SandboxRequest request) {
        SandboxLimits limits = request.limits();
        List<String> line = new ArrayList<>();
        line.add(tools.shell().toString());
        line.add("-c");
        line.add(joinCgroupsScript(cgroupProcs.size()));
        line.add("nnlab-sandbox");
        cgroupProcs.forEach(procs -> line.add(procs.toString()));

        line.addAll(List.of(tools.env().toString(), "-i", "PATH=/usr/bin:/bin"));
        line.addAll(List.of(tools.nice().toString(), "-n", Integer.toString(NICENESS)));
        line.addAll(List.of(tools.timeout().toString(), "--signal=KILL", seconds(limits.wallTime())));
        line.addAll(List.of(tools.prlimit().toString(), "--core=0", "--fsize=" + limits.maxFileBytes(),
                "--nofile=4096", "--cpu=" + limits.cpuSeconds() + ":" + (limits.cpuSeconds() + 1)));
        line.addAll(List.of(tools.setpriv().toString(), "--reuid=" + uid, "--regid=" + uid, "--clear-groups",
                "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs"));

        line.addAll(List.of(tools.bwrap().toString(), "--unshare-user", "--unshare-pid", "--unshare-net",
                "--unshare-ipc", "--unshare-uts", "--unshare-cgroup", "--die-with-parent", "--new-session"));
        if (tools.bwrapDisablesUserns()) {
            line.add("--disable-userns");
        }
        line.addAll(List.of("--hostname", "sandbox"));
        systemFiles(line);
        line.addAll(List.of("--proc", "/proc", "--dev", "/dev"));
        for (java.nio.file.Path device : request.devices()) {
            line.addAll(List.of("--dev-bind", device.toString(), device.toString()));
        }
        line.addAll(List.of("--size", Long.toString(limits.scratchBytes()), "--tmpfs", "/dev/shm"));
        line.addAll(List.of("--remount-ro", "/dev"));
        line.addAll(List.of("--size", Long.toString(limits.scratchBytes()), "--tmpfs", "/tmp"));
        for (Mount mount : request.mounts()) {
            line.addAll(List.of(mount.writable() ? "--bind" : "--ro-bind", mount.host().toAbsolutePath().toString(),
                    mount.inside()));
        }
        line.addAll(List.of("--remount-ro", "/"));
        line.addAll(List.of("--chdir", request.workingDirectory()));
        line.add("--clearenv");
        Map<String, String> environment = new TreeMap<>(request.environment());
        environment.putIfAbsent("HOME", "/tmp");
        environment.forEach((key, value) -> line.addAll(List.of("--setenv", key, value)));
        line.add("--");
        // bwrap sets PWD after --chdir: take it out again (or set the requested value), so that the environment
        // is exactly the request's
        line.addAll(List.of(tools.shell().toString(), "-c"));
        String pwd = environment.get("PWD");
        if (pwd == null) {
            line.addAll(List.of("unset PWD; exec \"$@\"", "nnlab-exec"));
        } else {
            line.addAll(List.of("PWD=\"$1\"; export PWD; shift; exec \"$@\"", "nnlab-exec", pwd));
        }
        line.addAll(request.command());
        return line;
    }

    /** @return a script that writes the shell's pid into its first {@code files} arguments, then execs the rest */
    private static String joinCgroupsScript(int files) {
        StringBuilder script = new StringBuilder();
        for (int i = 1; i <= files; i++) {
            script.append("echo $$ > \"$").append(i).append("\" && ");
        }
        return script.append("shift ").append(files).append(" && exec \"$@\"").toString();
    }

    /**
     * @param duration a wall time
     * @return the duration in seconds with millisecond precision, as timeout reads it
     */
    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return String.format(Locale.ROOT, "%d.%03ds", millis / 1000, millis % 1000);
    }

    /** Adds /usr, the merged-usr links or directories, and the /etc files the dynamic linker and the JDK need. */
    private static void systemFiles(List<String> line) {
        line.addAll(List.of("--ro-bind", "/usr", "/usr"));
        for (String name : MERGED_USR_DIRS) {
            Path host = Path.of("/", name);
            try {
                if (Files.isSymbolicLink(host)) {
                    line.addAll(List.of("--symlink", Files.readSymbolicLink(host).toString(), host.toString()));
                } else if (Files.isDirectory(host)) {
                    line.addAll(List.of("--ro-bind", host.toString(), host.toString()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (Path file : List.of(Path.of("/etc/alternatives"), Path.of("/etc/ld.so.cache"))) {
            if (Files.exists(file)) {
                line.addAll(List.of("--ro-bind", file.toString(), file.toString()));
            }
        }
        List<Path> javaDirs = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(Path.of("/etc"), "java-*")) {
            found.forEach(javaDirs::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        javaDirs.stream().filter(Files::isDirectory).sorted()
                .forEach(dir -> line.addAll(List.of("--ro-bind", dir.toString(), dir.toString())));
    }
}
