package org.nnlab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The console filter of {@code ./nnlab run} ({@code platform/src/main/payara/console-filter.awk}) on records in the
 * server log's format: it shows what needs the operator, once, in one line each.
 */
class ConsoleFilterTest {
    private static final Path FILTER = Path.of("src", "main", "payara", "console-filter.awk");

    @Test
    void payarasOwnWarningsAndInformationStayInTheLog() throws Exception {
        assertEquals(List.of(), filter("""
                [2026-12-06T12:24:04.821+0000] [] [WARNING] [NCLS-SECURITY-05054] [javax.enterprise.system.security\
                .ssl] [tid: _ThreadID=1 _ThreadName=main] [timeMillis: 1796559844821] [levelValue: 900] [[
                  The SSL certificate with alias cert_7_entrust has expired: [
                [
                  Version: V3
                ]]

                [2026-12-06T12:24:06.436+0000] [] [WARNING] [] [] [tid: _ThreadID=1 _ThreadName=main] \
                [timeMillis: 1796559846436] [levelValue: 900] MicroProfile Config: property 'nnlab.db.url': no \
                value found, no default given.

                [2026-12-06T12:24:11.505+0000] [] [INFO] [] [PayaraMicro] [tid: _ThreadID=1 _ThreadName=main] \
                [timeMillis: 1796559851505] [levelValue: 800] Payara Micro 6.2025.10 (build 42) ready in 11,321 (ms)

                [2026-12-06T12:24:12.505+0000] [] [INFO] [] [org.nnlab.platform.lab.LabSync] [tid: _ThreadID=1 \
                _ThreadName=main] [timeMillis: 1796559852505] [levelValue: 800] lab catalog: []
                """));
    }

    @Test
    void nnlabsWarningsAndEveryErrorShowInOneLineEach() throws Exception {
        assertEquals(List.of("nnlab: warning: lab left out: /srv/labs/broken/lab.yaml: not valid YAML: while "
                        + "parsing a flow sequence",
                "nnlab: error: Exception while deploying the app [nnlab]: java.lang.IllegalStateException: no "
                        + "database"), filter("""
                [2026-12-06T12:41:28.885+0000] [] [WARNING] [] [org.nnlab.platform.lab.LabSync] [tid: _ThreadID=1 \
                _ThreadName=main] [timeMillis: 1796560888885] [levelValue: 900] [[
                  lab left out: /srv/labs/broken/lab.yaml: not valid YAML: while parsing a flow sequence
                 in 'reader', line 1, column 8:
                    title: [a list that never closes
                 (line 1)]]

                [2026-12-06T12:24:11.000+0000] [] [SEVERE] [] [javax.enterprise.system.core] [tid: _ThreadID=1 \
                _ThreadName=main] [timeMillis: 1796559851000] [levelValue: 1000] [[
                  Exception while deploying the app [nnlab]
                java.lang.IllegalStateException: no database
                	at org.nnlab.platform.config.DataSourceConfiguration.start(DataSourceConfiguration.java:40)
                ]]
                """));
    }

    @Test
    void aFailureThatRecursWithOtherIdsShowsOnce() throws Exception {
        String record = """
                [2026-12-06T12:24:11.695+0000] [] [SEVERE] [] [org.nnlab.worker.WorkerPool] [tid: _ThreadID=61 \
                _ThreadName=worker-2] [timeMillis: 1796559851695] [levelValue: 1000] [[
                  grading submission %s failed at attempt %d
                java.lang.IllegalStateException: Cannot prepare ND4J's native libraries
                	at org.nnlab.grader.run.NativeLibraries.prepare(NativeLibraries.java:82)
                Caused by: java.io.IOException: /root cannot be entered by other users
                ]]
                """;
        assertEquals(List.of("nnlab: error: grading submission d0b7eff6-f8a6-4567-a72e-e79943f46614 failed at "
                        + "attempt 1: java.lang.IllegalStateException: Cannot prepare ND4J's native libraries"),
                filter(record.formatted("d0b7eff6-f8a6-4567-a72e-e79943f46614", 1)
                        + record.formatted("81d932e1-7586-4fc7-a86d-0dec3d7cf418", 2)));
    }

    /** @return what the filter prints for the log text */
    private static List<String> filter(String log) throws IOException, InterruptedException {
        Process awk = new ProcessBuilder("awk", "-f", FILTER.toString()).redirectErrorStream(true).start();
        try (var in = awk.getOutputStream()) {
            in.write(log.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(awk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, awk.waitFor(), out);
        return out.lines().toList();
    }
}
