package org.nnlab.grader.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformStartTest {
    @TempDir
    Path checkout;

    @Test
    void aFolderWithoutTheLauncherOrTheBuiltPlatformSaysWhy() throws IOException {
        assertTrue(new PlatformStart(checkout).unavailableReason().contains("no ./nnlab"));
        launcher("exit 0");
        assertTrue(new PlatformStart(checkout).unavailableReason().contains("not built"));
        Files.createDirectories(checkout.resolve("platform/target"));
        Files.writeString(checkout.resolve("platform/target/nnlab.war"), "");
        assertNull(new PlatformStart(checkout).unavailableReason());
    }

    @Test
    void eachStartIsTimedToTheFirst200AndStoppedTheFirstNotCounted() throws Exception {
        // a stand-in for ./nnlab run: answers on NNLAB_PORT after half a second, notes each start in the data folder
        launcher("echo start >> \"$NNLAB_DATA/starts\"; sleep 0.5; "
                + "exec python3 -m http.server --bind 127.0.0.1 \"$NNLAB_PORT\"");

        List<Long> millis = new PlatformStart(checkout).measure(2);

        assertEquals(2, millis.size());
        assertTrue(millis.stream().allMatch(start -> start >= 500), millis.toString());
    }

    @Test
    void aStartThatExitsFailsWithItsOutput() throws IOException {
        launcher("echo 'port taken' >&2; exit 3");

        IOException failure = assertThrows(IOException.class, () -> new PlatformStart(checkout).measure(1));

        assertTrue(failure.getMessage().contains("exited with status 3"), failure.getMessage());
        Path console = Path.of(failure.getMessage().replaceFirst(".*its output: ", ""));
        assertEquals("port taken", Files.readString(console).strip());
    }

    private void launcher(String body) throws IOException {
        Path script = checkout.resolve("nnlab");
        Files.writeString(script, "#!/bin/bash\n[ \"$1\" = run ] || exit 2\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
