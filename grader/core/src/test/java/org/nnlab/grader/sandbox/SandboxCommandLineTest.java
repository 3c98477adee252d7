package org.nnlab.grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The wrapper chain is built in the documented order, with the request's mounts after the private /tmp. */
class SandboxCommandLineTest {

    private static final HostTools TOOLS = new HostTools(Path.of("/usr/bin/sh"), Path.of("/usr/bin/env"),
            Path.of("/usr/bin/nice"), Path.of("/usr/bin/timeout"), Path.of("/usr/bin/prlimit"),
            Path.of("/usr/bin/setpriv"), Path.of("/usr/bin/bwrap"), "bubblewrap 0.8.0", true);
    private static final SandboxLimits LIMITS = new SandboxLimits(Duration.ofMillis(2500), 7, 1L << 28, 50, 4096,
            1L << 24, 1000, 1);
    private static final List<Path> PROCS = List.of(Path.of("/cg/memory/job/cgroup.procs"),
            Path.of("/cg/pids/job/cgroup.procs"));

    @Test
    void wrappersComeInOrderCgroupEnvNiceTimeoutPrlimitSetprivBwrap() {
        List<String> line = SandboxCommandLine.build(TOOLS, PROCS, 61234, request(List.of(), Map.of()));

        assertEquals(List.of("/usr/bin/sh", "-c",
                "echo $$ > \"$1\" && echo $$ > \"$2\" && shift 2 && exec \"$@\"", "nnlab-sandbox",
                "/cg/memory/job/cgroup.procs", "/cg/pids/job/cgroup.procs",
                "/usr/bin/env", "-i", "PATH=/usr/bin:/bin",
                "/usr/bin/nice", "-n", "10",
                "/usr/bin/timeout", "--signal=KILL", "2.500s",
                "/usr/bin/prlimit", "--core=0", "--fsize=4096", "--nofile=4096", "--cpu=7:8",
                "/usr/bin/setpriv", "--reuid=61234", "--regid=61234", "--clear-groups", "--inh-caps=-all",
                "--bounding-set=-all", "--no-new-privs",
                "/usr/bin/bwrap", "--unshare-user", "--unshare-pid", "--unshare-net", "--unshare-ipc",
                "--unshare-uts", "--unshare-cgroup", "--die-with-parent", "--new-session", "--disable-userns"),
                line.subList(0, line.indexOf("--disable-userns") + 1));
    }

    @Test
    void mountsComeAfterTheScratchTmpAndBeforeTheReadOnlyRoot() {
        List<String> line = SandboxCommandLine.build(TOOLS, PROCS, 61234, request(
                List.of(Mount.readOnly(Path.of("/srv/code"), "/tmp/code"), Mount.writable(Path.of("/srv/out"), "/out")),
                Map.of()));

        int tmp = line.indexOf("/tmp");
        assertEquals(List.of("--size", String.valueOf(1L << 24), "--tmpfs", "/tmp"), line.subList(tmp - 3, tmp + 1));
        assertEquals(List.of("--ro-bind", "/srv/code", "/tmp/code", "--bind", "/srv/out", "/out", "--remount-ro", "/",
                "--chdir", "/work"), line.subList(tmp + 1, tmp + 11));
    }

    @Test
    void aGpuJobsDeviceFilesAreBoundIntoTheMinimalDevBeforeItIsMadeReadOnly() {
        SandboxRequest gpu = new SandboxRequest(List.of("/usr/bin/java", "-version"), List.of(), Map.of(), "/work",
                LIMITS, List.of(Path.of("/dev/nvidia1"), Path.of("/dev/nvidiactl")));

        List<String> line = SandboxCommandLine.build(TOOLS, PROCS, 61234, gpu);

        int dev = line.indexOf("--dev");
        assertEquals(List.of("--dev", "/dev", "--dev-bind", "/dev/nvidia1", "/dev/nvidia1", "--dev-bind",
                "/dev/nvidiactl", "/dev/nvidiactl"), line.subList(dev, dev + 8));
        assertTrue(line.indexOf("--remount-ro") > dev + 8);
    }

    @Test
    void aCpuJobGetsNoHostDevice() {
        List<String> line = SandboxCommandLine.build(TOOLS, PROCS, 61234, request(List.of(), Map.of()));

        assertFalse(line.contains("--dev-bind"), line.toString());
    }

    @Test
    void environmentIsClearedThenExactlyTheRequestsWithHomeDefaultingToTmp() {
        List<String> line = SandboxCommandLine.build(TOOLS, PROCS, 61234, request(List.of(), Map.of("B", "2", "A", "1")));

        int clear = line.indexOf("--clearenv");
        assertEquals(List.of("--clearenv", "--setenv", "A", "1", "--setenv", "B", "2", "--setenv", "HOME", "/tmp", "--",
                "/usr/bin/sh", "-c", "unset PWD; exec \"$@\"", "nnlab-exec", "/usr/bin/java", "-version"),
                line.subList(clear, line.size()));
    }

    @Test
    void givenHomeIsKept() {
        List<String> line = SandboxCommandLine.build(TOOLS, PROCS, 61234, request(List.of(), Map.of("HOME", "/work")));

        assertTrue(String.join(" ", line).contains("--setenv HOME /work --"));
        assertFalse(String.join(" ", line).contains("HOME /tmp"));
    }

    @Test
    void disableUsernsIsLeftOutWhereBwrapLacksIt() {
        HostTools old = new HostTools(TOOLS.shell(), TOOLS.env(), TOOLS.nice(), TOOLS.timeout(), TOOLS.prlimit(),
                TOOLS.setpriv(), TOOLS.bwrap(), "bubblewrap 0.6.2", false);

        List<String> line = SandboxCommandLine.build(old, PROCS, 61234, request(List.of(), Map.of()));

        assertFalse(line.contains("--disable-userns"));
        assertTrue(line.contains("--unshare-user"));
    }

    @Test
    void wallTimeIsWrittenInSecondsWithMilliseconds() {
        assertEquals("3.000s", SandboxCommandLine.seconds(Duration.ofSeconds(3)));
        assertEquals("0.050s", SandboxCommandLine.seconds(Duration.ofMillis(50)));
    }

    private static SandboxRequest request(List<Mount> mounts, Map<String, String> environment) {
        return new SandboxRequest(List.of("/usr/bin/java", "-version"), mounts, environment, "/work", LIMITS);
    }
}
