package org.nnlab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nnlab.grader.benchmark.BenchmarkReport;
import org.nnlab.grader.benchmark.Machine;
import org.nnlab.grader.benchmark.Measurements;
import org.nnlab.grader.benchmark.TargetRatio;
import org.nnlab.grader.reliability.Reliability;
import org.nnlab.grader.reliability.ReliabilityLedger;
import org.nnlab.grader.sandbox.BubblewrapSandbox;
import org.nnlab.grader.sandbox.SandboxProbe;
import org.nnlab.platform.course.DemoSeeder;

/**
 * {@code ./nnlab load}: a real platform on a free loopback port with a fresh data folder takes a burst of
 * submissions from distinct students, enrolled from a CSV file as an instructor does. Measured: the platform's start
 * (to its first served page) and peak memory; the labs page and a report page under wrk while idle; the burst
 * (every submission accepted) and the labs page under wrk while it is graded; the grading rate; and that every
 * submission got exactly one result, none lost or duplicated; then its start again on the same data folder. Prints a
 * table and writes it as JSON.
 *
 * <p>Bounded in count and time ({@link LoadOptions}). To keep it so on two cores, most submissions do not compile
 * (graded in seconds, score 0) and every {@code trainingEvery}-th is the lab's reference (trains both models, full
 * marks). Too slow for CI: the platform's failsafe configuration leaves it out of {@code mvn verify}, and
 * {@code ./nnlab load} runs it with {@code -Dit.test=LoadBurstIT}.
 */
@Reliability("load")
class LoadBurstIT {
    private static final String PASSWORD = "load-password-1";
    private static final String LAB = "digits-regularization";
    private static final String COURSE = "/teach/courses/" + DemoSeeder.COURSE;
    private static final String STUDENT = "burst-";
    private static final Pattern NEW_ACCOUNT = Pattern.compile("(" + STUDENT + "\\d+) / ([A-Za-z0-9]+)");
    private static final Pattern REPORT_LINK = Pattern.compile("href=\"(/submissions/[^\"]+)\">report and source<");
    private static final Pattern SELF_TEST_REFERENCE = Pattern.compile("href=\"(/submissions/[^\"]+)\">reference<");
    private static final Pattern REASON = Pattern.compile("role=\"alert\"[^>]*>([^<]*)<|<b>message</b>([^<]*)<");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WORKERS = Pattern.compile("(\\d+) grading worker\\(s\\) started");
    private static final Duration POLL = Duration.ofSeconds(3);
    private final LoadOptions options = LoadOptions.fromSystemProperties();
    private final Measurements rows = new Measurements();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private long burstStarted;
    private String workers = "?";

    /**
     * One accepted submission of the burst.
     *
     * @param student its author
     * @param path    its page, {@code /submissions/ID}
     * @param trains  whether it is the reference (full marks) rather than code that does not compile (0)
     */
    private record Sent(Browserless student, String path, boolean trains) {
    }

    @Test
    void aBurstOfSubmissionsIsAllAcceptedAndGradedExactlyOnceWhileThePagesStayResponsive() throws Exception {
        SandboxProbe probe = BubblewrapSandbox.probe();
        Assumptions.assumeTrue(probe.available(), () -> "this machine cannot sandbox: " + probe.problem());
        Machine machine = Machine.current();
        List<String> properties = new ArrayList<>(List.of(PayaraMicro.FULL_JIT,
                "-Dnnlab.seed.student.password=" + PASSWORD, "-Dnnlab.seed.instructor.password=" + PASSWORD));
        properties.addAll(PayaraMicro.COMPILER_PRIORITY);
        if (!PayaraMicro.classArchive().exists()) {
            PayaraMicro.start(properties).close(); // dumps the class-data archive that every later start maps
        }
        try (PayaraMicro server = PayaraMicro.start(properties)) {
            measureStart("start: process start to first served page", server);
            Matcher started = WORKERS.matcher(server.log());
            workers = started.find() ? started.group(1) : workers;
            Browserless instructor = new Browserless(server.url());
            assertEquals(302, instructor.login("instructor", PASSWORD).statusCode());
            List<Browserless> students = enrolAndLogIn(server, instructor);
            awaitEmptyQueue(instructor);
            String report = selfTestReport(instructor);
            warmUp("labs page", server, "/", students.get(0));
            measurePage("idle: labs page", server, "/", students.get(0));
            warmUp("report page", server, report, instructor);
            measurePage("idle: report page", server, report, instructor);
            List<Sent> sent = burst(students);
            measurePage("grading: labs page", server, "/", students.get(0));
            awaitResults(sent);
            int lost = lostOrDuplicated(instructor, sent);
            rows.add("platform: peak resident memory at the end (VmHWM)", "MB", server.peakResidentMegabytes());
            ReliabilityLedger.lost(lost);
            assertEquals(0, lost, "submissions lost or duplicated");
            server.close();
            try (PayaraMicro again = server.restart(properties)) {
                measureStart("start again: on the same data folder, to first served page", again);
            }
        } finally {
            report(machine); // what was measured, even when a step failed
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private void measureStart(String name, PayaraMicro server) throws Exception {
        Browserless visitor = new Browserless(server.url());
        while (visitor.get("/login").statusCode() != 200) {
            Thread.sleep(100);
        }
        rows.add(name, "s", Duration.between(server.startedAt(), Instant.now()).toMillis() / 1000.0);
    }

    /** Enrols the students from a CSV file, as an instructor does, and logs each one in with the password shown. */
    private List<Browserless> enrolAndLogIn(PayaraMicro server, Browserless instructor) throws Exception {
        String csv = IntStream.rangeClosed(1, options.submissions()).mapToObj(i -> STUDENT + i + ",Burst Student " + i)
                .collect(Collectors.joining("\n", "username,name\n", "\n"));
        long start = System.nanoTime();
        instructor.get(COURSE);
        HttpResponse<String> enrolled = instructor.postMultipart(COURSE + "/students.csv", Map.of(),
                Map.of("file", Map.entry("students.csv", csv)));
        assertEquals(302, enrolled.statusCode(), enrolled.body());
        Map<String, String> passwords = new LinkedHashMap<>();
        Matcher account = NEW_ACCOUNT.matcher(instructor.get(COURSE).body());
        while (account.find()) {
            passwords.put(account.group(1), account.group(2));
        }
        rows.add("setup: " + options.submissions() + " students enrolled from a CSV file", "s", secondsSince(start));
        assertEquals(options.submissions(), passwords.size(), "a password shown for each new account");
        start = System.nanoTime();
        List<Browserless> students = inParallel(new ArrayList<>(passwords.entrySet()), entry -> {
            Browserless student = new Browserless(server.url());
            assertEquals(302, student.login(entry.getKey(), entry.getValue()).statusCode(), entry.getKey());
            return student;
        });
        rows.add("setup: " + options.submissions() + " students logged in", "s", secondsSince(start));
        students.get(0).awaitPublished(LAB);
        List<Integer> labPages = inParallel(students, student -> student.get("/labs/" + LAB).statusCode());
        long refused = labPages.stream().filter(status -> status != 200).count(); // the page holds the form's token
        rows.add("setup: students refused their lab page just after logging in", "count", refused);
        if (refused > 0) {
            problems.add(refused + " students, logged in, were refused their lab page (statuses " + labPages.stream()
                    .filter(status -> status != 200).distinct().toList() + ")");
        }
        return students;
    }

    /** Waits for the lab's self-test to leave the queue, so that the idle figures are idle. */
    private static void awaitEmptyQueue(Browserless instructor) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!instructor.get("/teach/queue").body().contains("No job is waiting, running or failed.")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the lab's self-test still queued after ten minutes");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** @return the report of the lab's self-tested reference (trained, every curve), as the instructor reads it */
    private static String selfTestReport(Browserless instructor) throws Exception {
        Matcher link = SELF_TEST_REFERENCE.matcher(instructor.get("/teach/labs").body());
        assertTrue(link.find(), "the labs page links the self-test's reference report");
        return link.group(1);
    }

    /**
     * Requests a page, unmeasured, for the options' warm-up: a platform serves for days, and its first seconds, while
     * the JIT compiler turns the page's code into machine code, are no measure of that. The first half goes through
     * one connection, which leaves the compiler a core of its own; the second is as measured. Each half's figures
     * are kept as rows.
     */
    private void warmUp(String page, PayaraMicro server, String path, Browserless user) throws Exception {
        if (options.warmupSeconds() == 0) {
            return;
        }
        int half = options.warmupSeconds() / 2;
        for (int connections : List.of(1, Wrk.CONNECTIONS)) {
            Wrk.Figures figures = Wrk.run(server.url() + path, user.cookieHeader(), half, connections);
            String name = "warm-up: " + page + ", " + half + " s, " + connections + " connection"
                    + (connections == 1 ? "" : "s");
            rows.add(name + ": requests per second", "/s", figures.requestsPerSecond());
            rows.add(name + ": latency p99", "ms", figures.p99Ms());
        }
    }

    private void measurePage(String name, PayaraMicro server, String path, Browserless user) throws Exception {
        assertEquals(200, user.get(path).statusCode(), name + " is served to the logged-in user");
        Wrk.Figures figures = Wrk.run(server.url() + path, user.cookieHeader(), options.wrkSeconds());
        rows.add(name + ": requests per second", "/s", figures.requestsPerSecond());
        rows.add(name + ": latency p50", "ms", figures.p50Ms());
        rows.add(name + ": latency p95", "ms", figures.p95Ms());
        rows.add(name + ": latency p99", "ms", figures.p99Ms());
        rows.add(name + ": slowest", "ms", figures.maxMs());
        if (figures.errors() > 0) {
            problems.add(name + ": " + figures.errors() + " of " + figures.requests() + " requests failed or timed out");
        }
    }

    /** Every student submits once, through {@code clients} concurrent HTTP clients. */
    private List<Sent> burst(List<Browserless> students) throws Exception {
        Path reference = Path.of(System.getProperty("nnlab.labs"), LAB, "reference");
        String solution = Files.readString(reference.resolve("Solution.java"));
        String reflection = Files.readString(reference.resolve("answers/reflection.txt"));
        burstStarted = System.nanoTime();
        List<Sent> sent = inParallel(IntStream.rangeClosed(1, students.size()).boxed().toList(), index -> {
            Browserless student = students.get(index - 1);
            boolean trains = options.trains(index);
            long posted = System.nanoTime();
            HttpResponse<String> response = student.postMultipart("/labs/" + LAB, trains
                    ? Map.of("source", solution, "answer.reflection", reflection)
                    : Map.of("source", doesNotCompile(index)), Map.of());
            synchronized (rows) {
                rows.add("burst: response to a submission", "ms", (System.nanoTime() - posted) / 1e6);
            }
            if (response.statusCode() != 302) {
                problems.add("submission " + index + " refused with " + response.statusCode() + ": "
                        + reason(response) + "; the labs page then answers " + student.get("/").statusCode());
                return null;
            }
            String location = response.headers().firstValue("Location").orElseThrow();
            return new Sent(student, java.net.URI.create(location).getPath(), trains);
        });
        rows.add("burst: seconds to send every submission", "s", secondsSince(burstStarted));
        List<Sent> accepted = sent.stream().filter(java.util.Objects::nonNull).toList();
        rows.add("burst: submissions sent", "count", students.size());
        rows.add("burst: accepted", "count", accepted.size());
        rows.add("burst: refused", "count", students.size() - accepted.size());
        rows.add("burst: of which train (the reference)", "count", accepted.stream().filter(Sent::trains).count());
        return accepted;
    }

    /** Polls each submission's status, as its page does, until every one has a result or the time limit passes. */
    private void awaitResults(List<Sent> sent) throws Exception {
        long deadline = System.nanoTime() + options.timeLimit().toNanos();
        Map<Sent, JsonNode> done = new LinkedHashMap<>();
        List<Sent> waiting = new ArrayList<>(sent);
        boolean first = true;
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            for (Sent submission : List.copyOf(waiting)) {
                JsonNode state = JSON.readTree(submission.student().get(submission.path() + "/status").body());
                if (List.of("GRADED", "FAILED").contains(state.get("status").asText())) {
                    done.put(submission, state);
                    waiting.remove(submission);
                }
            }
            if (first) {
                rows.add("grading: without a result after the labs page's measurement", "count", waiting.size());
                first = false;
            }
            Thread.sleep(waiting.isEmpty() ? 0 : POLL.toMillis());
        }
        double minutes = secondsSince(burstStarted) / 60;
        rows.add("grading: results stored within the time limit", "count", done.size());
        rows.add("grading: minutes from the burst to the last result", "min", minutes);
        rows.add("grading: submissions graded per minute", "/min", done.size() / minutes);
        if (!waiting.isEmpty()) {
            problems.add(waiting.size() + " of " + sent.size() + " submissions had no result after "
                    + options.timeLimit().toMinutes() + " minutes");
        }
        done.forEach((submission, state) -> {
            double expected = submission.trains() ? 100.0 : 0.0;
            if (!state.get("status").asText().equals("GRADED") || state.get("score").asDouble() != expected) {
                problems.add(submission.path() + ": expected graded with " + expected + ", got " + state);
            }
        });
    }

    /**
     * Counts, from the instructor's pages, the submissions missing from the lab's list, listed more than once or
     * never sent, and those with more than one result (an earlier result kept on the report).
     */
    private int lostOrDuplicated(Browserless instructor, List<Sent> sent) throws Exception {
        Map<String, Long> listed = REPORT_LINK.matcher(instructor.get(COURSE + "/labs/" + LAB).body()).results()
                .collect(Collectors.groupingBy(match -> match.group(1), Collectors.counting()));
        List<String> paths = sent.stream().map(Sent::path).toList();
        int missing = (int) paths.stream().filter(path -> !listed.containsKey(path)).count();
        int duplicated = (int) listed.entrySet().stream()
                .mapToLong(e -> paths.contains(e.getKey()) ? e.getValue() - 1 : e.getValue()).sum();
        int twiceGraded = 0;
        for (String path : paths) {
            if (instructor.get(path).body().contains("id=\"past-results\"")) {
                twiceGraded++;
            }
        }
        rows.add("check: submissions missing from the instructor's list", "count", missing);
        rows.add("check: submissions listed twice or never sent", "count", duplicated);
        rows.add("check: submissions with more than one result", "count", twiceGraded);
        return missing + duplicated + twiceGraded;
    }

    private void report(Machine machine) throws Exception {
        List<TargetRatio> targets = new ArrayList<>();
        rows.get("start: process start to first served page").ifPresent(start -> targets.add(
                new TargetRatio("platform start / 15 s", start.median(), 15, true, 1.0)));
        rows.get("start again: on the same data folder, to first served page").ifPresent(start -> targets.add(
                new TargetRatio("platform start again / 15 s", start.median(), 15, true, 1.0)));
        rows.get("idle: labs page: requests per second").ifPresent(rps -> targets.add(
                new TargetRatio("idle labs page, requests per second / 1,000", rps.median(), 1000, false, 1.0)));
        rows.get("idle: labs page: latency p99").ifPresent(p99 -> targets.add(
                new TargetRatio("idle labs page, p99 / 50 ms", p99.median(), 50, true, 1.0)));
        BenchmarkReport report = new BenchmarkReport("nnlab load: a burst of " + options.submissions()
                + " submissions to " + LAB + " from as many students, on loopback", machine, rows.rows(), targets,
                List.of("start: a fresh data folder, with the class-data archive an earlier start dumped (as every "
                                + "start of ./nnlab run but its first finds one); start again: after the run, on its "
                                + "data folder and database (its lab already self-tested)",
                        "submissions: every " + options.trainingEvery() + "th is the lab's reference (trains A and B, "
                                + "full marks), the others do not compile (graded in seconds, score 0)",
                        "wrk: 2 threads, " + Wrk.CONNECTIONS + " connections, " + options.wrkSeconds() + " s per page, "
                                + "with a logged-in user's session; the report page is the lab's self-tested "
                                + "reference as the instructor reads it; each idle page after a warm-up of "
                                + options.warmupSeconds() + " s (half through one connection, half as measured)",
                        "burst: " + options.clients() + " concurrent HTTP clients; grading: " + workers
                                + " workers (one per core, the default)",
                        "load average at the end: " + Machine.loadAverageNow()));
        System.out.println(report.table());
        Files.createDirectories(options.table().getParent());
        Files.writeString(options.table(), report.table());
        Files.createDirectories(options.json().toAbsolutePath().getParent());
        report.writeJson(options.json());
    }

    private <T, R> List<R> inParallel(List<T> items, Step<T, R> step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(options.clients());
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit((Callable<R>) () -> step.apply(item)));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One client's part of a parallel step. */
    private interface Step<T, R> {
        R apply(T item) throws Exception;
    }

    private static String doesNotCompile(int index) {
        return "public class Solution implements org.nnlab.api.LabSolution {\n"
                + "    public void train(org.nnlab.api.LabContext ctx) { int epochs = \"forty\"; } // burst " + index
                + "\n}\n";
    }

    /** @return the page's error message: the form's alert, or the message of the server's error page */
    private static String reason(HttpResponse<String> response) {
        Matcher message = REASON.matcher(response.body());
        return message.find() ? message.group(message.group(1) != null ? 1 : 2).strip() : response.body();
    }

    private static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }
}
