package org.nnlab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class WrkTest {
    private static final String OUTPUT = """
            Running 2s test @ http://127.0.0.1:18777/
              2 threads and 4 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     8.63ms    4.94ms  36.42ms   76.60%
                Req/Sec   238.18     39.88   330.00     67.50%
              954 requests in 2.01s, 3.84MB read
            Requests/sec:    473.53
            Transfer/sec:      1.91MB
            nnlab-wrk requests=954 micros=2014664 errors=0 p50=7546 p95=18143 p99=24871 max=36419
            """;

    @Test
    void theHooksLineGivesRequestsPerSecondAndPercentilesInMilliseconds() throws IOException {
        Wrk.Figures figures = Wrk.parse(OUTPUT);

        assertEquals(954, figures.requests());
        assertEquals(473.5, figures.requestsPerSecond(), 0.1, "as wrk's own Requests/sec");
        assertEquals(7.546, figures.p50Ms(), 1e-9);
        assertEquals(18.143, figures.p95Ms(), 1e-9);
        assertEquals(24.871, figures.p99Ms(), 1e-9);
        assertEquals(36.419, figures.maxMs(), 1e-9);
        assertEquals(0, figures.errors());
    }

    @Test
    void outputWithoutTheHooksLineIsRefusedShowingWhatWrkPrinted() {
        IOException refused = assertThrows(IOException.class,
                () -> Wrk.parse("unable to connect to 127.0.0.1:18777 Connection refused\n"));

        assertTrue(refused.getMessage().contains("wrk printed no figures"), refused.getMessage());
        assertTrue(refused.getMessage().contains("Connection refused"), refused.getMessage());
    }
}
