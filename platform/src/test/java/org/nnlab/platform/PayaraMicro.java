package org.nnlab.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.nnlab.worker.postgresql.PostgresServer;

/**
 * The platform running for real: Payara Micro started as a process on a free port with the built war, its data in a
 * fresh folder under target/. Start-up is read from its log; a deployment that failed while the server still came
 * up (a known Payara Micro trap) is detected and retried once. It can be killed as a crash would end it, and started
 * again on the same data. Its database is H2 in its data folder, or, when the tests run on PostgreSQL
 * ({@link PostgresServer#selected()}), a database of its own on the test JVM's PostgreSQL server.
 */
final class PayaraMicro implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);
    private static final String DATA_OPTION = "-Dnnlab.data.dir=";
    private static final String DATABASE_OPTION = "-Dnnlab.db.";
    /**
     * The C1 compiler only: a test's platform starts in 12.6 s instead of 17.4 s here, with half the CPU time (15
     * against 32 s), which the sandboxed gradings beside it get instead. A test that measures the platform as
     * {@code ./nnlab run} runs it passes {@link #FULL_JIT}, which comes later on the command line and wins.
     */
    private static final String QUICK_START = "-XX:TieredStopAtLevel=1";
    /** The JVM's default compilers, for {@link #start}'s properties. */
    static final String FULL_JIT = "-XX:TieredStopAtLevel=4";
    /** The compilers' threads at niceness 10, as {@code ./nnlab run} starts the platform, for {@link #start}. */
    static final List<String> COMPILER_PRIORITY = List.of("-XX:ThreadPriorityPolicy=1",
            "-XX:CompilerThreadPriority=10");
    private final Process process;
    private final Path log;
    private final int port;
    private final Path data;
    private final List<String> database;
    /** Where this JVM dumps the class-data archive when it stops, or null when it maps one. */
    private final Path pendingArchive;

    private PayaraMicro(Process process, Path log, int port, Path data, List<String> database,
                        Path pendingArchive) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.data = data;
        this.database = database;
        this.pendingArchive = pendingArchive;
    }

    /**
     * Starts the platform on its own, as {@code ./nnlab run} does (sessions in memory, no data grid), with the given
     * extra system properties ({@code -Dkey=value}).
     */
    static PayaraMicro start(List<String> properties) throws IOException, InterruptedException {
        return start(properties, List.of("--nocluster", "--prebootcommandfile",
                System.getProperty("nnlab.payara.single")));
    }

    /**
     * Starts the platform, and once more should the start fail: Payara Micro fails to deploy about one start in 35
     * ("Error while installing policy provider"), a fault of its own.
     *
     * @param clustering the options of an instance on its own (see {@link #start(List)}), or {@link #clusterMember}
     *                   for a member of a cluster
     */
    static PayaraMicro start(List<String> properties, List<String> clustering)
            throws IOException, InterruptedException {
        IOException last = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                return startOnce(properties, clustering);
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    /**
     * @return the options that make an instance one member of a cluster of platform instances on loopback, whose
     *     data grid (Hazelcast) replicates the web sessions: each member listens for the grid on its own port of
     *     {@code gridPorts} and finds the others there
     * @param member which of {@code gridPorts} is this member's
     */
    static List<String> clusterMember(String cluster, List<Integer> gridPorts, int member) {
        String members = String.join(",", gridPorts.stream().map(port -> "127.0.0.1:" + port).toList());
        return List.of("--clustername", cluster, "--clustermode", "tcpip:" + members, "--startport",
                String.valueOf(gridPorts.get(member)), "--interfaces", "127.0.0.1", "--nohostaware");
    }

    /**
     * @return a labs folder holding only the digits lab, copied from the repository's: the tests exercise the platform
     *     on that lab, and every lab of the folder would otherwise be self-tested through the queue at start
     */
    private static Path labsFolder(Path root) throws IOException {
        Path source = Path.of(System.getProperty("nnlab.labs"), "digits-regularization");
        Path labs = root.resolve("labs");
        try (var files = Files.walk(source)) {
            for (Path file : files.sorted().toList()) {
                Path copy = labs.resolve("digits-regularization").resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return labs;
    }

    /** One try at starting the platform, as {@link #start(List, List)} describes. */
    private static PayaraMicro startOnce(List<String> properties, List<String> clustering)
            throws IOException, InterruptedException {
        int port = freePort();
        Path root = Path.of("target", "payara-it-" + port).toAbsolutePath();
        Files.createDirectories(root);
        Path log = root.resolve("server.log");
        PlatformClassArchive classes = classArchive();
        Path pendingArchive = classes.exists() ? null : root.resolve("classes.jsa");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx768m", QUICK_START));
        command.addAll(pendingArchive == null ? classes.mapping() : classes.dumpingTo(pendingArchive));
        command.addAll(List.of(DATA_OPTION + root.resolve("data"),
                "-Dnnlab.labs.dir=" + labsFolder(root),
                "-Dnnlab.grader.home=" + System.getProperty("nnlab.grader.home"),
                "-Dnnlab.cache=" + System.getProperty("nnlab.cache")));
        if (onPostgresql() && properties.stream().noneMatch(p -> p.startsWith(DATABASE_OPTION))) {
            command.addAll(postgresql(PostgresServer.shared().newDatabase("nnlab_" + port)));
        }
        command.addAll(properties);
        Path data = Path.of(command.stream().filter(option -> option.startsWith(DATA_OPTION))
                .reduce((first, last) -> last).orElseThrow().substring(DATA_OPTION.length()));
        List<String> database = command.stream().filter(option -> option.startsWith(DATABASE_OPTION)).toList();
        command.addAll(List.of("-jar", System.getProperty("nnlab.payara.jar"), "--deploy",
                System.getProperty("nnlab.war"), "--contextroot", "/", "--port", String.valueOf(port), "--rootDir",
                root.resolve("payara").toString()));
        command.addAll(clustering);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PayaraMicro server = new PayaraMicro(process, log, port, data, database, pendingArchive);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.readString(log);
            if (text.contains("Failed to start") || text.contains("Error while installing policy provider")
                    || text.contains("deployment failed") || text.contains("Exception while loading the app")) {
                server.close();
                throw new IOException("Payara Micro failed to deploy nnlab; see " + log);
            }
            if (text.contains("Payara Micro URLs:")) {
                return server;
            }
            if (!process.isAlive()) {
                throw new IOException("Payara Micro exited with " + process.exitValue() + "; see " + log);
            }
            Thread.sleep(250);
        }
        server.close();
        throw new IOException("Payara Micro did not start within " + START_TIMEOUT.toSeconds() + " s; see " + log);
    }

    /** @return the platform's base URL, e.g. {@code http://localhost:34567} */
    String url() {
        return "http://localhost:" + port;
    }

    /** @return when the platform's process started, to the hundredth of a second */
    java.time.Instant startedAt() {
        return process.info().startInstant().orElseThrow();
    }

    /** @return the platform process's peak resident memory so far ({@code VmHWM} of /proc/PID/status), in MB */
    double peakResidentMegabytes() throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                .filter(line -> line.startsWith("VmHWM:")).findFirst()
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0)
                .orElseThrow(() -> new IOException("no VmHWM for the platform's process " + process.pid()));
    }

    /** @return the server log so far */
    String log() throws IOException {
        return Files.readString(log);
    }

    /**
     * Starts a new platform on this one's data folder and database (after {@link #kill()} or {@link #close()}).
     *
     * @param properties its extra system properties, as for {@link #start}; those naming a database replace this
     *                   one's
     */
    PayaraMicro restart(List<String> properties) throws IOException, InterruptedException {
        List<String> again = new ArrayList<>();
        if (properties.stream().noneMatch(p -> p.startsWith(DATABASE_OPTION))) {
            again.addAll(database);
        }
        again.addAll(properties);
        again.add(DATA_OPTION + data);
        return start(again);
    }

    /** @return the folder of the platform's data: its database and lab revisions */
    Path data() {
        return data;
    }

    /**
     * Kills the platform with SIGKILL, and every process it started (its sandboxes), as a crash of its machine would:
     * nothing of it gets to shut down or clean up.
     */
    void kill() throws InterruptedException {
        TestProcesses.crash(process);
        if (pendingArchive != null) {
            classArchive().install(pendingArchive, process.exitValue());
        }
    }

    /** @return the processes the platform started that run as a user other than root: its sandboxes' */
    List<ProcessHandle> sandboxProcesses() {
        return process.descendants().filter(child -> !uid(child).equals("0")).toList();
    }

    private static String uid(ProcessHandle process) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                    .filter(line -> line.startsWith("Uid:")).map(line -> line.split("\\s+")[1]).findFirst()
                    .orElse("0");
        } catch (IOException e) {
            return "0"; // it ended meanwhile
        }
    }

    @Override
    public void close() {
        TestProcesses.stop(process, pendingArchive == null ? 20 : 90); // a JVM takes 10 to 30 s to dump
        if (pendingArchive != null && !process.isAlive()) {
            classArchive().install(pendingArchive, process.exitValue());
        }
    }

    /** @return the class-data archive of the platform's JVMs, in the module's target folder */
    static PlatformClassArchive classArchive() {
        return new PlatformClassArchive(Path.of("target").toAbsolutePath(),
                Path.of(System.getProperty("nnlab.payara.jar")));
    }

    /** @return whether this test JVM runs the platform on PostgreSQL ({@code -Dnnlab.it.database=postgresql}) */
    static boolean onPostgresql() {
        return "postgresql".equals(System.getProperty("nnlab.it.database", "h2"));
    }

    /** @return the platform's system properties that make it use one database of the tests' PostgreSQL server */
    static List<String> postgresql(String url) {
        return List.of("-Dnnlab.db.driver=org.postgresql.ds.PGSimpleDataSource", "-Dnnlab.db.url=" + url,
                "-Dnnlab.db.user=" + PostgresServer.USER, "-Dnnlab.db.password=" + PostgresServer.PASSWORD);
    }

    /** @return a port nothing listens on now */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
