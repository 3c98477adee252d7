package org.nnlab.grader.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The machine a benchmark ran on, so that a table is never read without it.
 *
 * @param cpuModel    the CPU's model name from /proc/cpuinfo
 * @param cores       the processors this JVM may use
 * @param memoryMb    the machine's memory (MemTotal)
 * @param os          the operating system and kernel
 * @param jdk         the JVM's name and version
 * @param date        when the benchmark started, UTC
 * @param loadAverage the 1-minute load average when it started (other users of the machine show here)
 */
public record Machine(String cpuModel, int cores, long memoryMb, String os, String jdk, String date,
                      String loadAverage) {

    /** The unit of /proc/stat's times, {@code USER_HZ}: 100 on every Linux architecture the grader runs on. */
    private static final int USER_HZ = 100;

    /** @return this machine, now */
    public static Machine current() {
        return new Machine(field(Path.of("/proc/cpuinfo"), "model name").orElse("unknown"),
                Runtime.getRuntime().availableProcessors(),
                field(Path.of("/proc/meminfo"), "MemTotal").map(Machine::kilobytesToMb).orElse(-1L),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), loadAverageNow());
    }

    /** @return one line, e.g. {@code 2 cores of Intel Xeon ..., 7.8 GB, Linux 6.1, OpenJDK 17.0.13, 2026-11-23T18:00Z} */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%d cores of %s, %.1f GB, %s, %s, %s, load %s", cores, cpuModel,
                memoryMb / 1024.0, os, jdk, date, loadAverage);
    }

    /** @return the 1-minute load average from /proc/loadavg */
    public static String loadAverageNow() {
        try {
            return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * @return the CPU seconds this machine's processors have been busy since it booted (every process's, from
     *     /proc/stat: user, nice, system, irq, softirq and steal time), or -1 where /proc/stat cannot be read
     */
    public static double busyCpuSecondsNow() {
        try {
            return busyCpuSeconds(Files.readAllLines(Path.of("/proc/stat"), StandardCharsets.US_ASCII).get(0));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * @return the busy seconds of /proc/stat's first line, {@code cpu user nice system idle iowait irq softirq steal}
     */
    static double busyCpuSeconds(String cpuLine) {
        String[] fields = cpuLine.trim().split("\\s+");
        if (!fields[0].equals("cpu") || fields.length < 9) {
            throw new IllegalArgumentException("not /proc/stat's cpu line: " + cpuLine);
        }
        long busy = 0;
        for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
            busy += Long.parseLong(fields[field]);
        }
        return busy / (double) USER_HZ;
    }

    static java.util.Optional<String> field(Path file, String key) {
        try {
            return parseField(Files.readAllLines(file, StandardCharsets.UTF_8), key);
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** @return the value of the first {@code key : value} line, trimmed */
    static java.util.Optional<String> parseField(List<String> lines, String key) {
        return lines.stream().filter(line -> line.startsWith(key)).map(line -> line.split(":", 2))
                .filter(parts -> parts.length == 2 && parts[0].trim().equals(key)).map(parts -> parts[1].trim())
                .findFirst();
    }

    private static long kilobytesToMb(String value) {
        return Long.parseLong(value.replace("kB", "").trim()) / 1024;
    }
}
