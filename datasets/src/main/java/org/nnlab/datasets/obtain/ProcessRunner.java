package org.nnlab.datasets.obtain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an external command with a time limit and collects the start of what it printed. */
final class ProcessRunner {
    private static final int MAX_OUTPUT = 64 * 1024;

    record Result(int exitCode, String output) {
        boolean succeeded() {
            return exitCode == 0;
        }

        String lastLine() {
            String trimmed = output.strip();
            return trimmed.substring(trimmed.lastIndexOf('\n') + 1);
        }
    }

    private ProcessRunner() {
    }

    /** @return the exit code and combined output; exit code -1 when the program is missing or timed out */
    static Result run(List<String> command, Path workingDirectory, long timeoutSeconds) {
        Path log = null;
        Process process = null;
        try {
            log = Files.createTempFile("nnlab-process-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            if (workingDirectory != null) {
                builder.directory(workingDirectory.toFile());
            }
            builder.environment().put("LC_ALL", "C");
            process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, command.get(0) + " did not finish within " + timeoutSeconds + " s");
            }
            try (InputStream in = Files.newInputStream(log)) {
                return new Result(process.exitValue(), new String(in.readNBytes(MAX_OUTPUT), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            return new Result(-1, command.get(0) + " could not be run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, command.get(0) + " was interrupted");
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless
                }
            }
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File("/dev/null");
    }
}
