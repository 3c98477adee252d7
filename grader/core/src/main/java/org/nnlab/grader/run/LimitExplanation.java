package org.nnlab.grader.run;

import java.util.Optional;
import java.util.regex.Pattern;
import org.nnlab.grader.lab.LabLimits;
import org.nnlab.grader.sandbox.SandboxLimits;

/**
 * Says, in the student's terms, which of the lab's limits an exception thrown by {@code train()} ran into: the Java
 * heap, memory outside it (ND4J arrays, direct buffers), threads, the scratch folder's space or file size, or on a
 * GPU worker the job's device memory.
 */
final class LimitExplanation {
    private static final long MB = 1024L * 1024;
    /** How CUDA, its driver API, ND4J's memory limit and PyTorch-like wrappers say that device memory ran out. */
    private static final Pattern GPU_MEMORY = Pattern.compile("(?i)cudaErrorMemoryAllocation|CUDA_ERROR_OUT_OF_MEMORY"
            + "|cuda[^\\n]*out of memory|device memory limit|SD_MAX_DEVICE_BYTES|maxDeviceMemory");

    private LimitExplanation() {
    }

    /** @return what the student reads when train() ran into the lab's limit on threads and processes */
    static String processLimit(LabLimits lab) {
        return "train() started more threads or processes than the lab allows (" + lab.processes()
                + " in all, ND4J's own included).";
    }

    /**
     * @param error  the stack trace of what {@code train()} threw
     * @param lab    the lab's limits
     * @param limits the training sandbox's limits derived from them
     * @param gpu    the GPU the job trained on, or null on the CPU
     * @return the explanation, or empty when the error is no limit's doing
     */
    static Optional<String> of(String error, LabLimits lab, SandboxLimits limits, GpuDevice gpu) {
        if (gpu != null && GPU_MEMORY.matcher(error).find()) {
            return Optional.of("train() ran out of GPU memory: a job on this GPU may use " + gpu.memoryBytes() / MB
                    + " MB of device memory, shared with no other job. Keep fewer or smaller arrays on the GPU.");
        }
        String first = error.lines().findFirst().orElse("");
        if (first.contains("OutOfMemoryError: Java heap space") || first.contains("GC overhead limit exceeded")) {
            return Optional.of("train() ran out of Java heap: the lab allows " + lab.heapMb() + " MB of heap ("
                    + lab.memoryMb() + " MB in all). Keep fewer copies of the data or smaller networks.");
        }
        if (first.contains("unable to create native thread")) {
            return Optional.of(processLimit(lab));
        }
        if (first.contains("OutOfMemoryError")) {
            return Optional.of("train() ran out of memory outside the Java heap (ND4J arrays, direct buffers): the lab"
                    + " allows " + lab.memoryMb() + " MB in all (" + lab.heapMb() + " MB of it Java heap). Keep fewer"
                    + " or smaller arrays.");
        }
        if (first.contains("No space left on device")) {
            return Optional.of("train() filled its scratch folder: the lab allows " + limits.scratchBytes() / MB
                    + " MB of files in all.");
        }
        if (first.contains("File too large")) {
            return Optional.of("train() wrote a file larger than the lab allows (" + limits.maxFileBytes() / MB
                    + " MB).");
        }
        return Optional.empty();
    }
}
