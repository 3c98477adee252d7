package org.nnlab.grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The capped reader keeps the first bytes, drains the rest, and never waits forever. */
class CappedOutputTest {

    @Test
    void outputWithinTheCapIsKeptWhole() {
        CappedOutput output = CappedOutput.start(stream("hello"), 5, "test");

        assertEquals(new CappedOutput.Result("hello", false), output.await(Duration.ofSeconds(5)));
    }

    @Test
    void outputPastTheCapIsCutAndMarkedTruncated() {
        CappedOutput output = CappedOutput.start(stream("hello world"), 5, "test");

        assertEquals(new CappedOutput.Result("hello", true), output.await(Duration.ofSeconds(5)));
    }

    @Test
    void everythingPastTheCapIsReadSoThatTheWriterNeverBlocks() {
        CountingStream big = new CountingStream(50_000_000);

        CappedOutput.Result result = CappedOutput.start(big, 1000, "test").await(Duration.ofSeconds(10));

        assertEquals(1000, result.text().length());
        assertTrue(result.truncated());
        assertEquals(0, big.left);
    }

    @Test
    void aStreamThatNeverEndsIsClosedAfterThePatienceAndMarkedTruncated() throws IOException {
        PipedOutputStream writer = new PipedOutputStream();
        PipedInputStream reader = new PipedInputStream(writer);
        writer.write("partial".getBytes(StandardCharsets.UTF_8));
        writer.flush();
        CappedOutput output = CappedOutput.start(reader, 100, "test");

        long start = System.nanoTime();
        CappedOutput.Result result = output.await(Duration.ofMillis(300));

        assertEquals(new CappedOutput.Result("partial", true), result);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(3)) < 0);
        writer.close();
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A stream of {@code left} bytes of 'x' that counts what was not read. */
    private static final class CountingStream extends InputStream {
        private long left;

        CountingStream(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            if (left == 0) {
                return -1;
            }
            left--;
            return 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            Arrays.fill(buffer, offset, offset + n, (byte) 'x');
            left -= n;
            return n;
        }
    }
}
