package org.nnlab.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nnlab.grader.lab.Lab;
import org.nnlab.grader.result.GradingResult;
import org.nnlab.grader.run.GpuDevice;
import org.nnlab.grader.run.GraderHome;
import org.nnlab.grader.sandbox.BubblewrapSandbox;
import org.nnlab.grader.submission.Submission;

/**
 * The digits lab trained on a real GPU, with ND4J's CUDA backend in the training sandbox: alone, and four jobs
 * sharing the GPU at once, each bounded to its share of device memory, one of which runs out of it alone. Skipped,
 * saying why, on a machine without an NVIDIA GPU ({@code /dev/nvidia0}, {@code /dev/nvidiactl}) or without the CUDA
 * grader home ({@code mvn -P cuda -DskipTests package}); every other test runs on the CPU.
 */
class GpuGradingIT {
    private static final String LAB = "digits-regularization";
    private static final long JOB_MEMORY = 2L << 30;
    private static Grader cpu;
    private static GraderHome cudaHome;
    private static Lab lab;
    private static Submission reference;

    /** Why the GPU tests cannot run on this machine, or null when they can. */
    private static String skipped;

    @BeforeAll
    static void findTheGpu() throws Exception {
        GpuDevice gpu = new GpuDevice(0, JOB_MEMORY);
        Path home = Path.of(System.getProperty("nnlab.labs")).getParent().resolve("grader/harness-cuda/target/"
                + "grader-home");
        if (!gpu.present()) {
            skipped = "no NVIDIA GPU on this machine (" + gpu.deviceFile() + " or /dev/nvidiactl is missing): the "
                    + "GPU tests skip, every other test runs on the CPU";
        } else if (!Files.isDirectory(home)) {
            skipped = "the CUDA grader home " + home + " is not built: 'mvn -P cuda -DskipTests package' builds it";
        } else if (!BubblewrapSandbox.probe().available()) {
            skipped = "this machine cannot sandbox: " + BubblewrapSandbox.probe().problem();
        }
        if (skipped != null) {
            System.out.println("GpuGradingIT skipped: " + skipped);
            return;
        }
        cudaHome = GraderHome.at(home);
        cpu = Grader.standard(new BubblewrapSandbox());
        lab = cpu.labLoader().load(LabFolders.lab(LAB));
        reference = new Submission(Map.of("Solution.java", LabFolders.read(LAB, "reference/Solution.java")),
                Map.of("reflection", LabFolders.read(LAB, "reference/answers/reflection.txt")));
    }

    @BeforeEach
    void needsTheGpu() {
        Assumptions.assumeTrue(skipped == null, skipped);
    }

    @Test
    void theDigitsReferenceGetsFullMarksTrainingOnTheGpu() throws Exception {
        GradingResult result = cpu.onGpu(cudaHome, new GpuDevice(0, JOB_MEMORY)).grade(lab, reference);

        assertEquals(lab.maxScore(), result.score(), result.checks()::toString);
        assertTrue(result.provenance().nd4jBackend().contains("cuda") && result.provenance().nd4jBackend()
                .endsWith("on GPU 0"), result.provenance().nd4jBackend());
        System.out.println("digits reference on GPU 0: " + result.timings());
    }

    @Test
    void fourJobsShareOneGpuAndOneThatRunsOutOfItsDeviceMemoryFailsAlone() throws Exception {
        Grader shared = cpu.onGpu(cudaHome, new GpuDevice(0, JOB_MEMORY));
        Grader starved = cpu.onGpu(cudaHome, new GpuDevice(0, 16L << 20));
        ExecutorService four = Executors.newFixedThreadPool(4);
        try {
            long start = System.nanoTime();
            List<Future<GradingResult>> jobs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                jobs.add(four.submit(() -> shared.grade(lab, reference)));
            }
            Future<GradingResult> outOfMemory = four.submit(() -> starved.grade(lab, reference));
            for (Future<GradingResult> job : jobs) {
                assertEquals(lab.maxScore(), job.get().score(), () -> "a job beside the starved one");
            }
            GradingResult failed = outOfMemory.get();
            assertTrue(failed.check("completes").message().contains("ran out of GPU memory"),
                    failed.check("completes").message());
            System.out.println("4 jobs on GPU 0: " + (System.nanoTime() - start) / 1_000_000 + " ms");
        } finally {
            four.shutdown();
        }
    }
}
