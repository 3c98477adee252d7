package org.nnlab.grader.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.nnlab.grader.run.JobWorkspace;

/**
 * Times the platform's start as an operator sees it: {@code ./nnlab run} in the checkout, on a free port with a data
 * folder of its own, from the command to the first page answered with 200. Each start is then stopped as Ctrl-C
 * stops it, and waited for. A first start, which creates the database and dumps the class-data archive later starts
 * map, is not counted. The data folder is deleted afterwards, but for a start that failed, whose output it holds.
 */
public final class PlatformStart {
    private static final Duration START_LIMIT = Duration.ofMinutes(3);
    private static final Duration STOP_LIMIT = Duration.ofMinutes(1);
    private final Path checkout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    /** @param checkout the nnlab checkout, with {@code ./nnlab} and the built platform */
    public PlatformStart(Path checkout) {
        this.checkout = checkout.toAbsolutePath();
    }

    /** @return why the start cannot be measured here, or null when it can */
    public String unavailableReason() {
        if (!Files.isExecutable(checkout.resolve("nnlab"))) {
            return "no ./nnlab in " + checkout.toAbsolutePath() + " (run the benchmark from the checkout)";
        }
        if (!Files.isRegularFile(checkout.resolve("platform/target/nnlab.war"))) {
            return "the platform is not built (mvn -DskipTests package)";
        }
        return null;
    }

    /**
     * @param starts the starts to time, after the one not counted
     * @return each start's milliseconds from the command to the first 200
     * @throws IOException when a start fails or does not answer within 3 minutes (the message has its output's
     *     path)
     */
    public List<Long> measure(int starts) throws IOException, InterruptedException {
        Path data = Files.createTempDirectory("nnlab-start");
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i <= starts; i++) {
            long start = startOnce(data); // a failed start throws, and its folder is kept for its output
            if (i > 0) {
                millis.add(start);
            }
        }
        JobWorkspace.deleteTree(data);
        return millis;
    }

    private long startOnce(Path data) throws IOException, InterruptedException {
        int port = freePort();
        Path console = data.resolve("benchmark-console.log");
        ProcessBuilder builder = new ProcessBuilder("./nnlab", "run").directory(checkout.toFile())
                .redirectErrorStream(true).redirectOutput(console.toFile());
        builder.environment().put("NNLAB_PORT", Integer.toString(port));
        builder.environment().put("NNLAB_DATA", data.toString());
        long begin = System.nanoTime();
        Process run = builder.start();
        try {
            long deadline = begin + START_LIMIT.toNanos();
            while (!answers(port)) {
                if (!run.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("./nnlab run did not answer on port " + port + " ("
                            + (run.isAlive() ? "still starting after " + START_LIMIT.toMinutes() + " minutes"
                            : "it exited with status " + run.exitValue()) + "); its output: " + console);
                }
                Thread.sleep(50);
            }
            return (System.nanoTime() - begin) / 1_000_000;
        } finally {
            stop(run);
        }
    }

    private boolean answers(int port) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Stops the run as Ctrl-C does (the script stops Java and waits for it), or kills what is left of it. */
    private static void stop(Process run) throws InterruptedException {
        run.toHandle().destroy();
        if (!run.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            run.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
            run.waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
