package org.nnlab.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.protocol.CompileReport;
import org.nnlab.protocol.EpochRecord;
import org.nnlab.protocol.ProgressLine;
import org.nnlab.protocol.ProtocolJson;

class ProgressWatcherTest {
    @TempDir
    Path temp;

    @Test
    void completeLinesAreDeliveredAndMalformedOrOverlongOnesSkipped() throws IOException {
        Path file = temp.resolve("progress.jsonl");
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        try (ProgressWatcher watcher = new ProgressWatcher(file, line -> seen.add(line.run() + line.epoch().epoch()))) {
            append(file, ProtocolJson.line(line("A", 1)) + "\n");
            append(file, "not json at all\n" + "x".repeat(10_000) + "\n");
            append(file, ProtocolJson.line(line("A", 2)) + "\n" + ProtocolJson.line(line("B", 1)).substring(0, 10));
        }

        assertEquals(List.of("A1", "A2"), seen, "the half-written last line waits for its end");
    }

    @Test
    void aCompileReportThatSaysTheCodeCompiledIsHeardOnceEvenWhenFirstReadHalfWritten() throws Exception {
        Path report = temp.resolve("compile-report.json");
        CountDownLatch compiled = new CountDownLatch(1);
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        try (ProgressWatcher watcher = new ProgressWatcher(temp.resolve("progress.jsonl"), line -> { }, report,
                () -> {
                    heard.add("compiled");
                    compiled.countDown();
                })) {
            Files.writeString(report, "{\"succeeded\": tr");
            Thread.sleep(700);
            assertEquals(List.of(), heard);
            ProtocolJson.write(report, new CompileReport(true, "", 120));
            assertTrue(compiled.await(5, TimeUnit.SECONDS), "the report was heard");
            Thread.sleep(700);
        }
        assertEquals(List.of("compiled"), heard);
    }

    @Test
    void aCompileReportThatSaysTheCodeDidNotCompileIsNotHeard() throws Exception {
        Path report = temp.resolve("compile-report.json");
        ProtocolJson.write(report, new CompileReport(false, "Solution.java:1: error: ';' expected", 120));
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        try (ProgressWatcher watcher = new ProgressWatcher(temp.resolve("progress.jsonl"), line -> { }, report,
                () -> heard.add("compiled"))) {
            Thread.sleep(700);
        }
        assertEquals(List.of(), heard);
    }

    @Test
    void aLinkPlantedInsteadOfTheFileIsNotFollowed() throws IOException {
        Path target = Files.writeString(temp.resolve("elsewhere.jsonl"), ProtocolJson.line(line("A", 1)) + "\n");
        Path file = Files.createSymbolicLink(temp.resolve("progress.jsonl"), target);
        List<ProgressLine> seen = Collections.synchronizedList(new ArrayList<>());

        new ProgressWatcher(file, seen::add).close();

        assertEquals(List.of(), seen);
    }

    @Test
    void closingNeverInterruptsAConsumerThatIsStillWriting() throws Exception {
        Path file = Files.writeString(temp.resolve("progress.jsonl"), ProtocolJson.line(line("A", 1)) + "\n");
        CountDownLatch writing = new CountDownLatch(1);
        List<Boolean> interrupted = Collections.synchronizedList(new ArrayList<>());
        ProgressWatcher watcher = new ProgressWatcher(file, line -> {
            writing.countDown();
            long end = System.nanoTime() + 300_000_000L;
            while (System.nanoTime() < end) {
                Thread.onSpinWait(); // a slow write, e.g. to a database
            }
            interrupted.add(Thread.currentThread().isInterrupted());
        });
        assertTrue(writing.await(10, TimeUnit.SECONDS));

        watcher.close();

        assertEquals(List.of(false), interrupted);
    }

    private static ProgressLine line(String run, int epoch) {
        return new ProgressLine(run, new EpochRecord(epoch, 1.0, 1.1, 0.9, 1e-3, 40, Double.NaN));
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
