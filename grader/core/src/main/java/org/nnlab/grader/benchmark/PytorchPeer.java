package org.nnlab.grader.benchmark;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The PyTorch peer: {@code grader/benchmark/peer_pytorch.py} run with {@code python3} on the matrix files nnlab
 * trains with, on CPU with one thread. Only trusted code runs here: the script and the lab's own rows.
 */
public final class PytorchPeer {
    /** Where the script lies, relative to the repository root (the working directory of {@code ./nnlab}). */
    public static final Path SCRIPT = Path.of("grader/benchmark/peer_pytorch.py");
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final long TIMEOUT_SECONDS = 600;
    private final Path script;
    private String python = "python3";

    /** @param script the peer script */
    public PytorchPeer(Path script) {
        this.script = script;
    }

    /** One model's training by the peer, as the script prints it. */
    public record Model(double seconds, double finalValidationAccuracy, double bestValidationAccuracy,
                        double finalLearningRate) {
    }

    /**
     * What one run of the script printed, and how long its process took.
     *
     * @param torch          PyTorch's version
     * @param threads        its intra-op threads (1)
     * @param trainingRows   rows trained on
     * @param validationRows rows measured each epoch
     * @param a              model A
     * @param b              model B
     * @param processMillis  the whole process: Python and PyTorch start, reading the rows, both models
     */
    public record Result(String torch, int threads, int trainingRows, int validationRows,
                         @JsonProperty("A") Model a, @JsonProperty("B") Model b, long processMillis) {

        Result withProcessMillis(long millis) {
            return new Result(torch, threads, trainingRows, validationRows, a, b, millis);
        }
    }

    /**
     * Finds a Python that imports torch: {@code python3} on the PATH, else Debian's {@code /usr/bin/python3}, where
     * the python3-torch package installs it (a pyenv or venv python3 earlier on the PATH does not see it).
     *
     * @return why the peer cannot run here (no script, no Python with PyTorch), or null when it can
     */
    public String unavailableReason() {
        if (!Files.isRegularFile(script)) {
            return "the peer script " + script + " is missing";
        }
        for (String candidate : List.of("python3", "/usr/bin/python3")) {
            if (importsTorch(candidate)) {
                python = candidate;
                return null;
            }
        }
        return "no python3 here imports torch: install Debian's python3-torch";
    }

    private static boolean importsTorch(String python) {
        try {
            Process probe = new ProcessBuilder(python, "-c", "import torch").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(120, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Trains both models once, with the Python {@link #unavailableReason()} found.
     *
     * @param train      the training part as an nnlab matrix file
     * @param validation the validation part as an nnlab matrix file
     * @param epochs     epochs per model
     * @param batchSize  minibatch size
     * @param seed       the seed of PyTorch's initialization and shuffling
     * @return what the script measured
     * @throws IOException when the script fails or prints no result
     */
    public Result train(Path train, Path validation, int epochs, int batchSize, long seed) throws IOException {
        List<String> command = new ArrayList<>(List.of(python, script.toString(), train.toString(),
                validation.toString(), "--epochs", Integer.toString(epochs), "--batch-size",
                Integer.toString(batchSize), "--seed", Long.toString(seed)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("OMP_NUM_THREADS", "1");
        long start = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("the peer script ran past " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (process.exitValue() != 0) {
            throw new IOException("the peer script exited with status " + process.exitValue() + ": " + output);
        }
        return parse(output).withProcessMillis(millis);
    }

    /** @return the result in the script's last output line */
    static Result parse(String output) throws IOException {
        String[] lines = output.strip().split("\n");
        return MAPPER.readValue(lines[lines.length - 1], Result.class);
    }
}
