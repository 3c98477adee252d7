package org.nnlab.worker.postgresql;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests: Debian's {@code postgresql} package, with a cluster of its own made by
 * {@code initdb} in a folder under target/, listening on a free port of the loopback interface only, and stopped when
 * the test JVM ends. PostgreSQL refuses to run as root, so as root its processes run as the package's {@code postgres}
 * user. Each test gets a database of its own on it, owned by {@link #USER}.
 */
public final class PostgresServer implements AutoCloseable {
    /** The user that owns the tests' databases. */
    public static final String USER = "nnlab";
    /** Its password (and the superuser's). */
    public static final String PASSWORD = "nnlab-test-password";
    private static final String SUPERUSER = "postgres";
    private static PostgresServer shared;
    private final Path bin;
    private final Path folder;
    private final int port;

    private PostgresServer(Path bin, Path folder, int port) {
        this.bin = bin;
        this.folder = folder;
        this.port = port;
    }

    /** @return the folder of PostgreSQL's programs ({@code initdb}, {@code pg_ctl}) of its newest version here */
    public static Optional<Path> binaries() {
        Path versions = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(versions)) {
            return Optional.empty();
        }
        try (Stream<Path> installed = Files.list(versions)) {
            return installed.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve(
                            "pg_ctl")))
                    .max(Comparator.comparingInt(bin -> Integer.parseInt(bin.getParent().getFileName().toString()
                            .replaceAll("\\D", "0"))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** @return the server of this test JVM, started on first use and stopped as the JVM ends */
    public static synchronized PostgresServer shared() throws IOException, InterruptedException {
        if (shared == null) {
            shared = start(Path.of("target", "postgresql").toAbsolutePath());
            PostgresServer server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return shared;
    }

    /** Makes a new cluster in {@code folder} (emptied first) and starts it on a free loopback port. */
    public static PostgresServer start(Path folder) throws IOException, InterruptedException {
        Path bin = binaries().orElseThrow(() -> new IOException("PostgreSQL is not installed: the test command "
                + "installs Debian's postgresql package (apt-get install postgresql)"));
        if (Files.exists(folder.resolve("data").resolve("postmaster.pid"))) {
            new PostgresServer(bin, folder, 0).kill(); // left running by a test JVM that was killed
        }
        deleteRecursively(folder);
        Files.createDirectories(folder);
        Path data = folder.resolve("data");
        if (root()) {
            run(List.of("chown", SUPERUSER + ":", folder.toString()), folder);
        }
        Path password = Files.writeString(folder.resolve("password"), PASSWORD + "\n");
        run(asSuperuser(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", SUPERUSER,
                "--auth=scram-sha-256", "--pwfile=" + password, "-E", "UTF8", "--no-locale")), folder);
        PostgresServer server = new PostgresServer(bin, folder, freePort());
        server.startCluster();
        return server;
    }

    private void startCluster() throws IOException, InterruptedException {
        run(asSuperuser(List.of(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-l",
                folder.resolve("server.log").toString(), "-w", "-t", "60", "-o", "-p " + port + " -k " + folder
                        + " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start")), folder);
    }

    /**
     * Creates a database owned by {@link #USER}.
     *
     * @return its JDBC URL
     */
    public String newDatabase(String name) throws IOException {
        try (Connection connection = DriverManager.getConnection(url("postgres"), SUPERUSER, PASSWORD);
             Statement statement = connection.createStatement()) {
            if (!statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + USER + "'").next()) {
                statement.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
            }
            statement.execute("CREATE DATABASE " + name + " OWNER " + USER);
        } catch (SQLException e) {
            throw new IOException("cannot create the database " + name + " on PostgreSQL: " + e.getMessage(), e);
        }
        return url(name);
    }

    /** @return a connection to one of the tests' databases, as {@link #USER} */
    public static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, USER, PASSWORD);
    }

    /** @return the JDBC URL of one database of this server */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Stops the server at once, as a crash would: open connections break, nothing is shut down cleanly. */
    public void kill() throws IOException, InterruptedException {
        run(asSuperuser(List.of(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-m",
                "immediate", "-w", "stop")), folder);
    }

    /** Starts the server again on the same port and data, after {@link #kill()}. */
    public void restart() throws IOException, InterruptedException {
        startCluster();
    }

    @Override
    public void close() {
        try {
            run(asSuperuser(List.of(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(),
                    "-m", "fast", "-w", "stop")), folder);
        } catch (IOException | InterruptedException e) {
            // already stopped
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static List<String> asSuperuser(List<String> command) {
        if (!root()) {
            return command;
        }
        List<String> line = new ArrayList<>(List.of("runuser", "-u", SUPERUSER, "--"));
        line.addAll(command);
        return line;
    }

    private static void run(List<String> command, Path folder) throws IOException, InterruptedException {
        Path output = folder.resolve("command.log");
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in 120 s");
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + process.exitValue() + ": "
                    + Files.readString(output).strip());
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
