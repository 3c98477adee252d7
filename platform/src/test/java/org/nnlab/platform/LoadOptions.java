package org.nnlab.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The options of {@code ./nnlab load}, read from system properties ({@code -Dnnlab.load.submissions=200}, ...).
 *
 * @param submissions   how many students submit in the burst, one submission each
 * @param trainingEvery every how many-th submission is the lab's reference, which trains; the others do not compile
 * @param clients       concurrent HTTP clients that send the burst (and log the students in)
 * @param wrkSeconds    how long wrk measures each page
 * @param warmupSeconds how long each page is requested, unmeasured, before the idle measurement: the first half
 *                      through one connection, which leaves the JIT compiler a core, the second as measured; 0 for
 *                      none
 * @param timeLimit     how long to wait for every submission's result after the burst
 * @param json          where to write the figures as JSON
 * @param table         where to write the figures as a text table
 */
record LoadOptions(int submissions, int trainingEvery, int clients, int wrkSeconds, int warmupSeconds,
                   Duration timeLimit, Path json, Path table) {

    /** Checks each option, naming the bad one. */
    LoadOptions {
        positive("submissions", submissions);
        positive("trainingEvery", trainingEvery);
        positive("clients", clients);
        positive("wrkSeconds", wrkSeconds);
        if (warmupSeconds != 0 && warmupSeconds < 2) {
            throw new IllegalArgumentException("nnlab.load.warmupSeconds must be 0 (none) or at least 2, not "
                    + warmupSeconds);
        }
        positive("timeLimitMinutes", timeLimit.toMinutes());
    }

    /** @return the options from the {@code nnlab.load.*} system properties, with their defaults */
    static LoadOptions fromSystemProperties() {
        Path target = Path.of("target").toAbsolutePath();
        return new LoadOptions(number("submissions", 200), number("trainingEvery", 20), number("clients", 16),
                number("wrkSeconds", 10), number("warmupSeconds", 40),
                Duration.ofMinutes(number("timeLimitMinutes", 30)),
                property("json").map(Path::of).orElse(target.resolve("load.json")), target.resolve("load.txt"));
    }

    /** @return whether the {@code index}-th submission (from 1) is the reference, which trains */
    boolean trains(int index) {
        return index % trainingEvery == 0;
    }

    private static int number(String name, int fallback) {
        String value = property(name).orElse(Integer.toString(fallback));
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("nnlab.load." + name + " must be a whole number, not '" + value + "'");
        }
    }

    private static Optional<String> property(String name) {
        return Optional.ofNullable(System.getProperty("nnlab.load." + name)).filter(value -> !value.isBlank());
    }

    private static void positive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException("nnlab.load." + name + " must be at least 1, not " + value);
        }
    }
}
