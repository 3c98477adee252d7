package org.nnlab.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A GPU as a sandbox gets it, with the device files of a machine that has two GPUs laid out in a temporary folder. */
class GpuDeviceTest {
    @TempDir
    Path dev;

    @Test
    void aJobGetsItsOwnGpuTheControlDeviceAndTheUnifiedMemoryDevicesButNoOtherGpu() throws IOException {
        for (String name : List.of("nvidia0", "nvidia1", "nvidiactl", "nvidia-uvm")) {
            Files.createFile(dev.resolve(name));
        }
        GpuDevice second = new GpuDevice(1, 2L << 30, dev);

        assertTrue(second.present());
        assertEquals(List.of(dev.resolve("nvidia1"), dev.resolve("nvidiactl"), dev.resolve("nvidia-uvm")),
                second.deviceFiles());
    }

    @Test
    void cudaSeesOnlyItsGpuAndItsDeviceMemoryIsBoundForNd4jAndForMps() {
        assertEquals(Map.of("CUDA_VISIBLE_DEVICES", "1", "SD_MAX_DEVICE_BYTES", Long.toString(2L << 30),
                "CUDA_MPS_PINNED_DEVICE_MEM_LIMIT", "0=2048M"), new GpuDevice(1, 2L << 30, dev).environment());
    }

    @Test
    void aMachineWithoutNvidiasDevicesHasNoGpu() throws IOException {
        Files.createFile(dev.resolve("nvidia0"));

        assertFalse(new GpuDevice(0, 1L << 30, dev).present(), "no nvidiactl");
        assertFalse(new GpuDevice(1, 1L << 30, dev).present(), "no nvidia1");
    }
}
