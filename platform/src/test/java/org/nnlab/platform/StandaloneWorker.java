package org.nnlab.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A grading worker of its own, started as {@code ./nnlab worker} starts it (the worker module's classes and
 * {@code classpath.txt}, {@code org.nnlab.worker.WorkerCommand}) with the platform's database in its environment; its
 * output goes to a log file in {@code target/}.
 */
final class StandaloneWorker implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private final Process process;
    private final Path log;
    private final String name;

    private StandaloneWorker(Process process, Path log, String name) {
        this.process = process;
        this.log = log;
        this.name = name;
    }

    /**
     * Starts a worker and waits until it says it runs.
     *
     * @param database {@code NNLAB_DB_URL}, {@code NNLAB_DB_USER} and {@code NNLAB_DB_PASSWORD}
     * @param options  its command-line options, e.g. {@code --slots 2}
     */
    static StandaloneWorker start(String name, Map<String, String> database, List<String> options)
            throws IOException, InterruptedException {
        Path module = Path.of(System.getProperty("nnlab.labs")).getParent().resolve("grader").resolve("worker")
                .resolve("target");
        Path root = Path.of("target", "worker-" + name + "-" + PayaraMicro.freePort()).toAbsolutePath();
        Files.createDirectories(root);
        Path log = root.resolve("worker.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-Dnnlab.grader.home=" + System.getProperty("nnlab.grader.home"),
                "-Dnnlab.cache=" + System.getProperty("nnlab.cache"), "-cp", module.resolve("classes") + ":"
                + Files.readString(module.resolve("classpath.txt")).trim(), "org.nnlab.worker.WorkerCommand",
                "--name", name, "--data", root.resolve("data").toString()));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(database);
        StandaloneWorker worker = new StandaloneWorker(builder.start(), log, name);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.readString(log).contains("grading worker(s) started")) {
                return worker;
            }
            if (!worker.process.isAlive()) {
                throw new IOException("the worker exited with " + worker.process.exitValue() + ": " + worker.log());
            }
            Thread.sleep(100);
        }
        worker.close();
        throw new IOException("the worker did not start within " + START_TIMEOUT.toSeconds() + " s: " + worker.log());
    }

    /** @return the name it claims jobs under (each of its slots adds {@code /worker-N}) */
    String name() {
        return name;
    }

    /** @return what it printed so far */
    String log() throws IOException {
        return Files.readString(log);
    }

    /**
     * Kills the worker with SIGKILL, and every process it started (its sandboxes), as a crash of its machine would:
     * nothing of it gets to give its jobs back.
     */
    void kill() throws InterruptedException {
        TestProcesses.crash(process);
    }

    @Override
    public void close() {
        TestProcesses.stop(process);
    }
}
