package org.nnlab.grader.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One NVIDIA GPU as a training sandbox gets it: the device files bound into the sandbox (the GPU's own, the control
 * device and the unified-memory devices; no other job sees them), and the bound on the device memory the job may
 * use, given both to ND4J ({@code SD_MAX_DEVICE_BYTES}, which its CUDA backend checks at each allocation) and to
 * NVIDIA MPS ({@code CUDA_MPS_PINNED_DEVICE_MEM_LIMIT}, enforced where an MPS daemon shares the GPU).
 *
 * @param index        the GPU's number, as in {@code /dev/nvidia0}
 * @param memoryBytes  the device memory one job may use
 * @param deviceFolder where the device files are, {@code /dev} (another folder in tests)
 */
public record GpuDevice(int index, long memoryBytes, Path deviceFolder) {
    private static final List<String> SHARED = List.of("nvidiactl", "nvidia-uvm", "nvidia-uvm-tools");

    /** @param index the GPU's number; @param memoryBytes the device memory one job may use */
    public GpuDevice(int index, long memoryBytes) {
        this(index, memoryBytes, Path.of("/dev"));
    }

    /** @return the GPU's own device file, e.g. {@code /dev/nvidia0} */
    public Path deviceFile() {
        return deviceFolder.resolve("nvidia" + index);
    }

    /** @return whether the machine has this GPU and NVIDIA's control device */
    public boolean present() {
        return Files.exists(deviceFile()) && Files.exists(deviceFolder.resolve("nvidiactl"));
    }

    /** @return the device files a job on this GPU needs, those the machine has */
    public List<Path> deviceFiles() {
        List<Path> files = new ArrayList<>();
        files.add(deviceFile());
        SHARED.stream().map(deviceFolder::resolve).filter(Files::exists).forEach(files::add);
        return files;
    }

    /** @return the environment that points CUDA at this GPU and bounds the job's device memory */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("CUDA_VISIBLE_DEVICES", Integer.toString(index));
        environment.put("SD_MAX_DEVICE_BYTES", Long.toString(memoryBytes));
        environment.put("CUDA_MPS_PINNED_DEVICE_MEM_LIMIT", "0=" + memoryBytes / (1024 * 1024) + "M");
        return environment;
    }
}
