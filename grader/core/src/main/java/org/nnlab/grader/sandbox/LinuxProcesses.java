package org.nnlab.grader.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What /proc says about processes, with zombies counted as dead.
 *
 * <p>The JDK's {@link ProcessHandle#isAlive()} is true for a zombie. A killed process whose parent died too waits
 * as a zombie until pid 1 reaps it, which on some machines (a container's pid 1 that is no real init) takes
 * seconds; bubblewrap's init inside the pid namespace always ends that way. A zombie runs no code and holds no
 * resources but its pid, so the sandbox treats it as gone.
 */
final class LinuxProcesses {

    private LinuxProcesses() {
    }

    /**
     * @param handle a process
     * @return whether it is alive and not a zombie
     */
    static boolean isLiving(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "stat"), StandardCharsets.UTF_8);
            String afterName = stat.substring(stat.lastIndexOf(')') + 1).trim();
            return !afterName.startsWith("Z") && !afterName.startsWith("X");
        } catch (IOException | RuntimeException e) {
            return false; // it ended meanwhile
        }
    }

    /**
     * @param process a /proc/PID directory
     * @return its real, effective, saved and file-system uids; none when it is a zombie or ended
     */
    static List<Long> uidsOfLiving(Path process) {
        try {
            String status = new String(Files.readAllBytes(process.resolve("status")), StandardCharsets.ISO_8859_1);
            if (field(status, "State:").startsWith("Z")) {
                return List.of();
            }
            String uids = field(status, "Uid:");
            return uids.isEmpty() ? List.of() : Arrays.stream(uids.split("\\s+")).map(Long::parseLong).toList();
        } catch (IOException | RuntimeException e) {
            return List.of(); // the process ended meanwhile
        }
    }

    /** @return the value of a "Name:\tvalue" line of a /proc status file, trimmed; empty when there is none */
    private static String field(String status, String name) {
        for (String line : status.split("\n")) {
            if (line.startsWith(name)) {
                return line.substring(name.length()).trim();
            }
        }
        return "";
    }

    /** @return every uid (real, effective, saved, file-system) of the living processes */
    static Set<Long> livingUids() {
        Set<Long> uids = new HashSet<>();
        try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : proc) {
                uids.addAll(uidsOfLiving(process));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list processes in /proc", e);
        }
        return uids;
    }
}
