package org.nnlab.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The platform's database served by H2 over TCP from a process of its own, with the H2 that Payara Micro bundles
 * (the platform's driver): a database server that can be killed and started again, on the same port and data.
 */
final class H2Server implements AutoCloseable {
    private static final long START_TIMEOUT_NANOS = 30_000_000_000L;
    private final Process process;
    private final Path folder;
    private final int port;

    private H2Server(Process process, Path folder, int port) {
        this.process = process;
        this.folder = folder;
        this.port = port;
    }

    /**
     * Serves the databases of a folder, e.g. a platform's data folder with its {@code nnlab} database.
     *
     * @return the server, once it accepts connections
     */
    static H2Server start(Path folder, int port) throws IOException, InterruptedException {
        Path jar = Path.of("target", "h2.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            try (FileSystem payara = FileSystems.newFileSystem(Path.of(System.getProperty("nnlab.payara.jar")))) {
                Files.copy(payara.getPath("MICRO-INF/runtime/h2.jar"), jar, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path log = folder.resolveSibling("h2-server.log");
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", jar.toString(), "org.h2.tools.Server", "-tcp", "-tcpPort",
                String.valueOf(port), "-baseDir", folder.toString())).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + START_TIMEOUT_NANOS;
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("localhost", port), 1000);
                return new H2Server(process, folder, port);
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IOException("the H2 server exited with " + process.exitValue() + "; see " + log);
                }
                Thread.sleep(200);
            }
        }
        process.destroyForcibly();
        throw new IOException("the H2 server did not listen on port " + port + " in time; see " + log);
    }

    /** @return the JDBC URL of the platform's database on this server, as the platform's default URL is set */
    String url() {
        return "jdbc:h2:tcp://localhost:" + port + "/nnlab;MODE=LEGACY;WRITE_DELAY=0";
    }

    /** Kills the server with SIGKILL, as a crash of the database would end it. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /**
     * Fills the server's disk, as far as the database can tell: the server process may no longer write a single byte
     * to any file ({@code RLIMIT_FSIZE} of 0; the JVM ignores {@code SIGXFSZ}, so each write fails as it would on a
     * full disk). A limit at the database file's size is not enough: H2 first reuses the free space inside its file,
     * which a full disk would still let it write.
     */
    void fillTheDisk() throws IOException, InterruptedException {
        limitFileSize("0:unlimited");
    }

    /** Frees the disk that {@link #fillTheDisk()} filled: the server may write files of any size again. */
    void freeTheDisk() throws IOException, InterruptedException {
        limitFileSize("unlimited:unlimited");
    }

    private void limitFileSize(String limits) throws IOException, InterruptedException {
        Process prlimit = new ProcessBuilder("prlimit", "--pid", String.valueOf(process.pid()), "--fsize=" + limits)
                .redirectErrorStream(true).start();
        String output = new String(prlimit.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (prlimit.waitFor() != 0) {
            throw new IOException("prlimit --fsize=" + limits + " failed: " + output);
        }
    }

    /** @return a new server on the same port and data, after {@link #kill()} */
    H2Server restart() throws IOException, InterruptedException {
        return start(folder, port);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
