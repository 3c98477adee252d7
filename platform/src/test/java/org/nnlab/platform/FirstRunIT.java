package org.nnlab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./nnlab run} as a new user meets it: a short banner on the console (address, demo accounts, data folder,
 * log), the warnings that need the operator, and the whole server log in a file under the data folder. Its labs
 * folder holds one broken lab, so that a warning that matters shows and no lab's self-test loads the machine. The
 * stop comes last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstRunIT {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    @TempDir
    static Path folder;

    private static final List<String> console = new CopyOnWriteArrayList<>();
    private static Process run;
    private static int port;
    private static Path data;
    private static Thread reader;

    @BeforeAll
    static void startTheRunCommand() throws Exception {
        Path root = Path.of(System.getProperty("nnlab.labs")).getParent();
        Path labs = Files.createDirectories(folder.resolve("labs").resolve("broken-lab"));
        Files.writeString(labs.resolve("lab.yaml"), "title: [a list that never closes\n");
        data = folder.resolve("data");
        port = PayaraMicro.freePort();
        ProcessBuilder builder = new ProcessBuilder("./nnlab", "run").directory(root.toFile())
                .redirectErrorStream(true);
        builder.environment().put("NNLAB_DATA", data.toString());
        builder.environment().put("NNLAB_PORT", Integer.toString(port));
        builder.environment().put("NNLAB_LABS", labs.getParent().toString());
        run = builder.start();
        reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(console::add);
            } catch (IOException ended) {
                // the process is gone
            }
        });
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (console.stream().noneMatch(FirstRunIT::endsTheBanner) && run.isAlive()
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(console.stream().anyMatch(FirstRunIT::endsTheBanner),
                "no banner within " + START_TIMEOUT + "; the console said:\n" + String.join("\n", console));
    }

    @AfterAll
    static void stop() {
        if (run != null) {
            TestProcesses.stop(run, 120);
        }
    }

    @Test
    void theBannerNamesTheAddressTheDemoAccountsTheDataFolderAndTheLog() {
        String text = String.join("\n", console);
        assertTrue(text.contains("running on http://localhost:" + port), text);
        assertTrue(text.matches("(?s).*instructor / \\S{8,}.*"), text);
        assertTrue(text.matches("(?s).*\\bstudent / \\S{8,}.*"), text);
        assertTrue(text.contains("data:   " + data), text);
        assertTrue(text.contains("log:    " + data.resolve("logs/server.0.log")), text);
    }

    @Test
    void theConsoleIsShortAndCarriesNoneOfTheServersOwnRecords() throws Exception {
        awaitConsole("lab left out");
        assertTrue(console.size() <= 15, "the console has " + console.size() + " lines:\n"
                + String.join("\n", console));
        for (String line : console) {
            assertTrue(line.startsWith("nnlab: ") || line.startsWith("  "), "not nnlab's: " + line);
            assertFalse(line.contains("[INFO]") || line.contains("NCLS-") || line.contains("certificate"), line);
        }
    }

    @Test
    void aLabLeftOutIsAWarningOnTheConsole() throws Exception {
        assertTrue(awaitConsole("nnlab: warning: lab left out: ").contains("broken-lab"), String.join("\n", console));
    }

    @Test
    void theServerLogGoesToAFileUnderTheDataFolder() throws IOException {
        String log = Files.readString(data.resolve("logs").resolve("server.0.log"));
        assertTrue(log.contains("Payara Micro 6.2025.10") && log.contains("ready in"), "the log lacks the start");
        assertTrue(log.contains("nnlab was successfully deployed"), "the log lacks the deployment");
        assertTrue(log.contains("[INFO] [] [org.nnlab.platform.lab.LabSync]"), "the log lacks nnlab's records");
    }

    @Test
    void thePlatformAnswersAtTheBannersAddress() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode());
        assertTrue(login.body().contains("Log in"), login.body());
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aStopEndsThePlatformAndEveryProcessOfItAndSaysSo() throws Exception {
        List<ProcessHandle> processes = run.descendants().toList();
        assertFalse(processes.isEmpty(), "./nnlab run started no process");
        run.toHandle().destroy(); // SIGTERM, as Process.destroy() sends it, without closing the run's output
        assertTrue(run.waitFor(120, TimeUnit.SECONDS), "./nnlab run did not stop on SIGTERM");
        for (ProcessHandle process : processes) {
            assertTrue(process.onExit().get(30, TimeUnit.SECONDS) != null && !process.isAlive(),
                    "outlived the run: " + process.info().command().orElse("?"));
        }
        reader.join(10_000);
        assertEquals("nnlab: stopped", console.get(console.size() - 1), String.join("\n", console));
    }

    /** @return whether {@code line} is the banner's last, which comes a moment after "running on" */
    private static boolean endsTheBanner(String line) {
        return line.startsWith("  log:    ");
    }

    /** @return the first console line with {@code text}, waiting up to a minute for it */
    private static String awaitConsole(String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : console) {
                if (line.contains(text)) {
                    return line;
                }
            }
            Thread.sleep(200);
        }
        return "";
    }
}
