package org.nnlab.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nnlab.grader.lab.LabLimits;

class LimitExplanationTest {
    private static final LabLimits LAB = new LabLimits(20, 480, 1024, 256, 256, 1, 256);

    @Test
    void heapExhaustionNamesTheHeapLimit() {
        assertEquals(Optional.of("train() ran out of Java heap: the lab allows 256 MB of heap (1024 MB in all). Keep "
                + "fewer copies of the data or smaller networks."), explain("java.lang.OutOfMemoryError: Java heap "
                + "space\n\tat Solution.train(Solution.java:12)"));
    }

    @Test
    void offHeapExhaustionNamesTheMemoryLimit() {
        assertEquals(Optional.of("train() ran out of memory outside the Java heap (ND4J arrays, direct buffers): the "
                + "lab allows 1024 MB in all (256 MB of it Java heap). Keep fewer or smaller arrays."),
                explain("java.lang.OutOfMemoryError: Direct buffer memory"));
    }

    @Test
    void threadExhaustionNamesTheProcessLimit() {
        assertEquals(Optional.of("train() started more threads or processes than the lab allows (256 in all, ND4J's "
                + "own included)."), explain("java.lang.OutOfMemoryError: unable to create native thread: possibly "
                + "out of memory or process/resource limits reached"));
    }

    @Test
    void aFullScratchFolderNamesItsSize() {
        assertEquals(Optional.of("train() filled its scratch folder: the lab allows 512 MB of files in all."),
                explain("java.io.IOException: No space left on device"));
    }

    @Test
    void anOversizedFileNamesTheFileSizeLimit() {
        assertEquals(Optional.of("train() wrote a file larger than the lab allows (64 MB)."),
                explain("java.io.IOException: File too large"));
    }

    @Test
    void anErrorOfTheCodeItselfIsNotExplained() {
        assertEquals(Optional.empty(), explain("java.lang.IllegalStateException: Java heap space is my variable\n"
                + "Caused by: java.lang.OutOfMemoryError: Java heap space"));
    }

    @Test
    void aGpuJobThatRanOutOfDeviceMemoryIsToldItsBound() {
        String error = "java.lang.RuntimeException: Failed to allocate 402653184 bytes\n"
                + "Caused by: java.lang.RuntimeException: cudaMalloc failed: cudaErrorMemoryAllocation (2)";

        assertEquals(Optional.of("train() ran out of GPU memory: a job on this GPU may use 2048 MB of device memory, "
                + "shared with no other job. Keep fewer or smaller arrays on the GPU."), LimitExplanation.of(error,
                LAB, SandboxedJvm.sandboxLimits(LAB, Duration.ofSeconds(20)), new GpuDevice(0, 2L << 30)));
        assertEquals(Optional.empty(), explain(error), "a CPU job has no device memory to blame");
    }

    private static Optional<String> explain(String error) {
        return LimitExplanation.of(error, LAB, SandboxedJvm.sandboxLimits(LAB, Duration.ofSeconds(20)), null);
    }
}
