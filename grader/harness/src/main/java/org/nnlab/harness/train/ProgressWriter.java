package org.nnlab.harness.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import org.nnlab.protocol.ProgressLine;
import org.nnlab.protocol.ProtocolJson;

/** Appends each measured epoch to the progress file as one JSON line, so that the grader can show it live. */
final class ProgressWriter implements Consumer<ProgressLine> {
    private final Path file;
    private boolean broken;

    ProgressWriter(Path file) {
        this.file = file;
    }

    @Override
    public synchronized void accept(ProgressLine line) {
        if (broken) {
            return;
        }
        try {
            Files.writeString(file, ProtocolJson.line(line) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            broken = true;
            System.err.println("progress cannot be written (" + e.getMessage() + "); grading is not affected");
        }
    }
}
