package org.nnlab.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load tool wrk (Debian's package) on one page of the platform, over loopback and bounded in time: two threads
 * (one for a single connection) keep {@value #CONNECTIONS} connections busy, each request carrying a logged-in user's
 * cookies. Its figures come
 * from a small Lua hook ({@code wrk-figures.lua}) that prints them on one line, 95th percentile included.
 */
final class Wrk {
    /** Connections kept open, as many users each waiting for their page. */
    static final int CONNECTIONS = 16;
    /** A request slower than this counts as an error rather than a latency; well above any page's time. */
    private static final int TIMEOUT_SECONDS = 10;
    private static final Pattern LINE = Pattern.compile("nnlab-wrk requests=(\\d+) micros=(\\d+) errors=(\\d+) "
            + "p50=(\\d+) p95=(\\d+) p99=(\\d+) max=(\\d+)");

    private Wrk() {
    }

    /**
     * What wrk measured on one page.
     *
     * @param requests completed requests
     * @param seconds  how long it ran
     * @param errors   connect, read, write and timeout errors, and responses with a status of 400 or more
     * @param p50Ms    median latency
     * @param p95Ms    95th percentile
     * @param p99Ms    99th percentile
     * @param maxMs    the slowest request
     */
    record Figures(long requests, double seconds, long errors, double p50Ms, double p95Ms, double p99Ms,
                   double maxMs) {

        /** @return completed requests per second */
        double requestsPerSecond() {
            return requests / seconds;
        }
    }

    /**
     * Runs wrk on a page for {@code seconds}.
     *
     * @param cookies the {@code Cookie} header of a logged-in user, so that wrk reads the page, not the login form
     * @throws IOException when wrk is missing or prints no figures
     */
    static Figures run(String url, String cookies, int seconds) throws IOException, InterruptedException {
        return run(url, cookies, seconds, CONNECTIONS);
    }

    /** Runs wrk on a page for {@code seconds} through {@code connections} connections, as {@link #run} describes. */
    static Figures run(String url, String cookies, int seconds, int connections)
            throws IOException, InterruptedException {
        Path script = Files.createTempFile("nnlab-wrk-", ".lua");
        Path output = Files.createTempFile("nnlab-wrk-", ".txt");
        try (InputStream in = Wrk.class.getResourceAsStream("wrk-figures.lua")) {
            Files.write(script, in.readAllBytes());
            Process wrk;
            try {
                wrk = new ProcessBuilder(List.of("wrk", "-t" + Math.min(2, connections), "-c" + connections,
                        "-d" + seconds + "s", "--timeout", TIMEOUT_SECONDS + "s", "-H", "Cookie: " + cookies, "-s",
                        script.toString(), url))
                        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            } catch (IOException e) {
                throw new IOException("wrk is missing: run 'apt-get install wrk' (./nnlab load installs it)", e);
            }
            if (!wrk.waitFor(seconds + 2L * TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                wrk.destroyForcibly();
            }
            return parse(Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(script);
            Files.deleteIfExists(output);
        }
    }

    /**
     * @param output wrk's output with the hook's line
     * @throws IOException naming the output when the line is not there
     */
    static Figures parse(String output) throws IOException {
        Matcher line = LINE.matcher(output);
        if (!line.find()) {
            throw new IOException("wrk printed no figures:\n" + output);
        }
        return new Figures(Long.parseLong(line.group(1)), Long.parseLong(line.group(2)) / 1e6,
                Long.parseLong(line.group(3)), millis(line.group(4)), millis(line.group(5)), millis(line.group(6)),
                millis(line.group(7)));
    }

    private static double millis(String micros) {
        return Long.parseLong(micros) / 1000.0;
    }
}
