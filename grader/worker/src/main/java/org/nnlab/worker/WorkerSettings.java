package org.nnlab.worker;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.nnlab.grader.run.Spares;

/**
 * A worker's settings, from its arguments and the platform's database configuration.
 *
 * @param url         the database's JDBC URL
 * @param user        its user
 * @param password    its password
 * @param cores       the cores this worker may use
 * @param slots       how many CPU jobs it grades at once
 * @param spares      the spare sandboxes (a training and an evaluation JVM each) its idle CPU slots keep started
 *                    for the labs they graded last, steady and after a burst; by default {@link Spares#auto} for
 *                    its slots
 * @param data        where it unpacks lab revisions
 * @param lease       how long a claimed job's lease runs before another worker may claim it, unless renewed
 * @param name        its name in the jobs it claims
 * @param gpus        how many GPUs it trains on ({@code /dev/nvidia0} ..), 0 for none
 * @param gpuSlots    how many jobs share each GPU
 * @param gpuMemoryMb the device memory each GPU job may use
 * @param cudaHome    the grader home with ND4J's CUDA backend
 */
record WorkerSettings(String url, String user, String password, int cores, int slots, Spares spares, Path data,
                      Duration lease, String name, int gpus, int gpuSlots, int gpuMemoryMb, Path cudaHome) {

    /**
     * @throws IllegalArgumentException naming what is missing or wrong
     */
    static WorkerSettings parse(String[] args, Map<String, String> environment, Properties properties) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!Set.of("--slots", "--spares", "--cores", "--data", "--lease-seconds", "--name", "--gpus",
                "--gpu-slots", "--gpu-memory-mb", "--cuda-home").contains(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            options.put(args[i], args[++i]);
        }
        String url = setting("nnlab.db.url", environment, properties);
        if (url == null) {
            throw new IllegalArgumentException("no database: set NNLAB_DB_URL (and NNLAB_DB_USER, "
                    + "NNLAB_DB_PASSWORD) to the platform's PostgreSQL database");
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("a worker of its own needs the platform's database to be "
                    + "PostgreSQL (jdbc:postgresql://...), not " + url + "; a platform on H2 grades with its "
                    + "own workers");
        }
        int cores = number(options, "--cores", Runtime.getRuntime().availableProcessors(), 1, 1024);
        int slots = number(options, "--slots", cores, 1, 1024);
        Spares spares = "auto".equals(options.getOrDefault("--spares", "auto")) ? Spares.auto(slots)
                : Spares.fixed(number(options, "--spares", 0, 0, 1024));
        Path data = Path.of(options.getOrDefault("--data", ".worker-data")).toAbsolutePath();
        Duration lease = Duration.ofSeconds(number(options, "--lease-seconds", 60, 3, 3600));
        String name = options.getOrDefault("--name", defaultName());
        if (name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("--name needs 1 to 100 characters");
        }
        int gpus = number(options, "--gpus", 0, 0, 16);
        int gpuSlots = number(options, "--gpu-slots", 1, 1, 64);
        int gpuMemoryMb = number(options, "--gpu-memory-mb", 4096, 256, 1 << 20);
        if (gpus == 0 && (options.containsKey("--gpu-slots") || options.containsKey("--gpu-memory-mb"))) {
            throw new IllegalArgumentException("--gpu-slots and --gpu-memory-mb need --gpus");
        }
        Path cudaHome = Path.of(options.getOrDefault("--cuda-home", "grader/harness-cuda/target/grader-home"))
                .toAbsolutePath();
        return new WorkerSettings(url, setting("nnlab.db.user", environment, properties),
                setting("nnlab.db.password", environment, properties), cores, slots, spares, data, lease, name, gpus,
                gpuSlots, gpuMemoryMb, cudaHome);
    }

    /** @return a system property, else its environment variable ({@code nnlab.db.url}: {@code NNLAB_DB_URL}) */
    private static String setting(String key, Map<String, String> environment, Properties properties) {
        String value = properties.getProperty(key);
        return value != null ? value : environment.get(key.toUpperCase(Locale.ROOT).replace('.', '_'));
    }

    private static int number(Map<String, String> options, String option, int fallback, int min, int max) {
        String value = options.get(option);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException(option + " needs a whole number from " + min + " to " + max + ", not "
                + value);
    }

    private static String defaultName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "worker";
        }
        return host + ":" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
