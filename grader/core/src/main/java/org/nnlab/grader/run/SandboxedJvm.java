package org.nnlab.grader.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnlab.grader.lab.LabLimits;
import org.nnlab.grader.sandbox.Mount;
import org.nnlab.grader.sandbox.SandboxLimits;
import org.nnlab.grader.sandbox.SandboxRequest;

/**
 * Builds the request for a sandboxed harness JVM with the settings measured fastest for small ND4J networks on
 * these machines (one OpenMP thread, no JavaCPP pointer GC: the JVM is short-lived; the C1 compiler only: C2 spent
 * 4 of a training JVM's 11 CPU seconds compiling DL4J, and two gradings at once finished in 16 to 19 s with C1 only
 * against 25 to 34 s; the training JVM gives C2 the harness's fast training loop, see {@link #fastLoopCompiler}) and
 * limits the JVM itself must be told, since it cannot see the cgroup: heap, direct memory, processors and JavaCPP's
 * off-heap budget.
 */
final class SandboxedJvm {
    private static final String SCRATCH = "/tmp";
    private static final long MB = 1024L * 1024;
    private final GraderHome home;
    private final String libraryPath;
    private final Path natives;
    private final Path archive;
    private final GpuDevice gpu;

    SandboxedJvm(GraderHome home, NativeLibraries natives, String libraryPath) {
        this(home, natives, libraryPath, null);
    }

    /** @param gpu the GPU the JVM trains on, or null for the CPU */
    SandboxedJvm(GraderHome home, NativeLibraries natives, String libraryPath, GpuDevice gpu) {
        this.home = home;
        this.natives = natives.directory();
        this.archive = natives.archive(home);
        this.libraryPath = libraryPath;
        this.gpu = gpu;
    }

    /** @return the GPU this JVM trains on, or null on the CPU */
    GpuDevice gpu() {
        return gpu;
    }

    /**
     * @param mainClass  the harness entry point
     * @param argument   its one argument, the job file
     * @param classpath  extra class path entries after the harness's (the student's classes), or none
     * @param mounts     the job's folders
     * @param limits     the lab's limits
     * @param wallTime   the wall-clock limit of this stage
     */
    SandboxRequest request(String mainClass, String argument, List<Path> classpath, List<Mount> mounts,
                           LabLimits limits, Duration wallTime) {
        return request(mainClass, argument, classpath, mounts, limits, wallTime, List.of("-XX:TieredStopAtLevel=1"));
    }

    /**
     * @return the options that give the C2 compiler the harness's fast training loop only, whose few hot loops it
     *     compiles to vector code (the digits reference trained in 2.5 s instead of 4.1 s on C1), and keep every
     *     other method on C1 as {@code -XX:TieredStopAtLevel=1} would
     *     (without {@code DisplayVMOutput} the JVM would print "2 compiler directives added" into the student's log)
     * @param directives where {@link #FAST_LOOP_DIRECTIVES} lie, readable inside the sandbox
     */
    static List<String> fastLoopCompiler(Path directives) {
        return List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-DisplayVMOutput",
                "-XX:CompilerDirectivesFile=" + directives);
    }

    /** HotSpot compiler directives: the first that matches a method applies. */
    static final String FAST_LOOP_DIRECTIVES = """
            [
              { match: "org/nnlab/harness/fast/*.*", c2: { Exclude: false } },
              { match: "*.*", c2: { Exclude: true } }
            ]
            """;

    /** As {@link #request(String, String, List, List, LabLimits, Duration)}, with these compiler options. */
    SandboxRequest request(String mainClass, String argument, List<Path> classpath, List<Mount> mounts,
                           LabLimits limits, Duration wallTime, List<String> compilerOptions) {
        StringBuilder path = new StringBuilder(home.runtimeClasspath());
        classpath.forEach(entry -> path.append(':').append(entry));
        List<String> command = new ArrayList<>(List.of(GraderHome.javaHome().resolve("bin/java").toString(),
                "-Xmx" + limits.heapMb() + "m", "-Xss1m", "-XX:MaxDirectMemorySize=" + limits.heapMb() + "m",
                "-XX:ActiveProcessorCount=" + limits.cpus(), "-XX:+UseSerialGC", "-XX:-UsePerfData"));
        command.addAll(compilerOptions);
        command.addAll(List.of("-Djava.io.tmpdir=" + SCRATCH, "-XX:SharedArchiveFile=" + archive,
                "-Xlog:cds*=off",
                "-Dorg.bytedeco.javacpp.nopointergc=true",
                "-Dorg.bytedeco.javacpp.maxbytes=" + (limits.memoryMb() - limits.heapMb()) * MB,
                "-Dorg.bytedeco.javacpp.maxphysicalbytes=" + limits.memoryMb() * MB * 9 / 10,
                "-Dorg.bytedeco.javacpp.pathsFirst=true", "-Djava.library.path=" + libraryPath,
                "-Dorg.bytedeco.javacpp.cachedir=" + SCRATCH + "/javacpp",
                "-cp", path.toString(), mainClass, argument));
        List<Mount> all = new ArrayList<>(baseMounts());
        all.addAll(mounts);
        Map<String, String> environment = environment(limits.cpus());
        if (gpu == null) {
            return new SandboxRequest(command, all, environment, SCRATCH, sandboxLimits(limits, wallTime));
        }
        environment.putAll(gpu.environment());
        return new SandboxRequest(command, all, environment, SCRATCH, sandboxLimits(limits, wallTime),
                gpu.deviceFiles());
    }

    /** @return the read-only mounts every harness JVM needs: its libraries, the natives, a JDK outside /usr */
    List<Mount> baseMounts() {
        List<Mount> mounts = new ArrayList<>(List.of(Mount.readOnly(home.root()), Mount.readOnly(natives)));
        if (!GraderHome.javaHome().startsWith("/usr")) {
            mounts.add(Mount.readOnly(GraderHome.javaHome()));
        }
        return mounts;
    }

    static Map<String, String> environment(int cpus) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", "/usr/bin:/bin");
        environment.put("HOME", SCRATCH);
        environment.put("LANG", "C.UTF-8");
        environment.put("OMP_NUM_THREADS", String.valueOf(cpus));
        return environment;
    }

    static SandboxLimits sandboxLimits(LabLimits limits, Duration wallTime) {
        return new SandboxLimits(wallTime, limits.cpuSeconds(), limits.memoryMb() * MB, limits.processes(),
                64 * MB, 512 * MB, limits.outputKb() * 1024, limits.cpus());
    }
}
