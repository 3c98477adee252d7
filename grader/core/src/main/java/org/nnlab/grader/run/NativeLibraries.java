package org.nnlab.grader.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.nnlab.grader.compile.SubmissionCompiler;

/**
 * ND4J's native libraries, unpacked once ahead of time into the cache so that every sandbox can load them from a
 * read-only folder: JavaCPP would otherwise unpack ~400 MB into each sandbox's scratch space. Unpacking runs the
 * harness's own {@code NativesMain}, never student code, outside the sandbox; a file lock keeps concurrent graders
 * from doing it twice. That run also dumps a class-data-sharing archive of the classes it loaded (see
 * {@link #archive(GraderHome)}, in the same read-only folder), which the sandboxed JVMs map instead of loading those
 * classes again: ND4J's start took 0.8 instead of 1.1 s here. A JVM ignores an archive dumped from other jars than its
 * own, so each build of the grader's jars gets an archive of its own, dumped by its first grading. A second archive,
 * of javac's own classes ({@link #javacArchive()}, one per JDK), is dumped by compiling a small solution there and
 * then; javac in the sandbox maps it (it compiled the digits reference in 0.9 instead of 1.1 s).
 */
public final class NativeLibraries {
    private static final String ARCHIVE_PREFIX = "harness-";
    private static final String ARCHIVE_SUFFIX = ".jsa";
    private static final String LIBRARY_PATH_FILE = "library-path.txt";
    private static final long UNPACK_TIMEOUT_SECONDS = 300;
    /** Held while this JVM unpacks, so that its threads never ask for the file lock twice at once. */
    private static final Object UNPACKING = new Object();
    private final Path directory;

    /** @param directory where the libraries are unpacked, e.g. {@code <cache>/natives/nd4j-1.0.0-M2.1} */
    public NativeLibraries(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /** @return the folder the libraries are unpacked into */
    public Path directory() {
        return directory;
    }

    /**
     * @param home the grader installation whose class path the sandboxed JVMs run
     * @return the class-data-sharing archive of that class path (it exists once {@link #prepare} returned)
     */
    public Path archive(GraderHome home) {
        return directory.resolve(ARCHIVE_PREFIX + home.fingerprint() + ARCHIVE_SUFFIX);
    }

    /**
     * @return the class-data-sharing archive of javac's classes for the JDK that runs it (once {@link #prepare}
     *     returned, it exists unless dumping it failed, which {@code unpack.log} then tells; javac runs without it)
     */
    public Path javacArchive() {
        String jdk = System.getProperty("java.home") + "\t" + System.getProperty("java.vm.version");
        return directory.resolve("javac-" + Integer.toHexString(jdk.hashCode()) + ARCHIVE_SUFFIX);
    }

    /**
     * Unpacks the libraries and dumps the archive of this grader's class path, unless already done.
     *
     * @param home the grader installation whose harness unpacks them
     * @return the {@code java.library.path} for sandboxed JVMs: every folder that holds a library
     * @throws IllegalStateException when unpacking fails or a sandbox user could not read the folder
     */
    public String prepare(GraderHome home) {
        Path done = directory.resolve(LIBRARY_PATH_FILE);
        Path archive = archive(home);
        try {
            if (Files.isRegularFile(done) && Files.isRegularFile(archive) && javacArchiveTried()) {
                return Files.readString(done).strip();
            }
            Files.createDirectories(directory);
            requireReadableByOthers(directory);
            // A file lock keeps other processes out; it cannot be taken twice in one JVM, so threads queue first.
            synchronized (UNPACKING) {
                try (FileChannel channel = FileChannel.open(directory.resolve(".nnlab-unpack.lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                    if (!Files.isRegularFile(done) || !Files.isRegularFile(archive)) {
                        unpack(home, archive);
                        Files.writeString(done, libraryPath());
                    }
                    if (!javacArchiveTried()) {
                        dumpJavacArchive(home);
                    }
                    return Files.readString(done).strip();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot prepare ND4J's native libraries in " + directory + ": " + e, e);
        }
    }

    /**
     * Runs NativesMain, which unpacks what is missing, and dumps the archive. Archives of other builds go once a day
     * old: another build may still be grading from this folder (a JVM that maps a deleted one keeps it until it exits).
     */
    private void unpack(GraderHome home, Path archive) throws IOException {
        FileTime dayAgo = FileTime.from(Instant.now().minus(Duration.ofDays(1)));
        try (Stream<Path> files = Files.list(directory)) {
            for (Path old : files.filter(f -> f.getFileName().toString().matches("harness.*\\.jsa")).toList()) {
                if (Files.getLastModifiedTime(old).compareTo(dayAgo) < 0) {
                    Files.delete(old);
                }
            }
        }
        Path log = directory.resolve("unpack.log");
        Process process = new ProcessBuilder(GraderHome.javaHome().resolve("bin/java").toString(), "-Xmx512m",
                "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds*=off",
                "-Dorg.bytedeco.javacpp.cachedir=" + directory, "-cp", home.runtimeClasspath(),
                "org.nnlab.harness.NativesMain").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(UNPACK_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("unpacking failed; see " + log);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while unpacking", e);
        }
    }

    private boolean javacArchiveTried() {
        return Files.isRegularFile(javacArchive()) || Files.isRegularFile(javacArchiveFailed());
    }

    private Path javacArchiveFailed() {
        return directory.resolve(javacArchive().getFileName() + ".failed");
    }

    /**
     * Compiles a small solution against the grader's jars, trusted code outside the sandbox, with the command that
     * compiles submissions, and dumps the archive of the classes javac loaded; a failure is noted once (javac then
     * runs without an archive).
     */
    private void dumpJavacArchive(GraderHome home) throws IOException {
        Path work = Files.createTempDirectory(directory, "javac-archive");
        Path log = directory.resolve("unpack.log");
        try {
            Path source = Files.writeString(work.resolve("Solution.java"), """
                    import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
                    import org.deeplearning4j.nn.conf.layers.DenseLayer;
                    import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
                    import org.nnlab.api.LabContext;
                    import org.nnlab.api.LabSolution;

                    public class Solution implements LabSolution {
                        @Override
                        public void train(LabContext ctx) {
                            MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                                    .list().layer(new DenseLayer.Builder().nIn(4).nOut(2).build()).build());
                            ctx.track("A", network).endEpoch();
                        }
                    }
                    """);
            List<String> command = SubmissionCompiler.javacCommand(GraderHome.javaHome(), home.compileClasspath(),
                    work);
            command.addAll(1, List.of("-J-XX:ArchiveClassesAtExit=" + javacArchive(), "-J-Xlog:cds*=off"));
            command.add(source.toString());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            boolean ended = process.waitFor(UNPACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!ended || process.exitValue() != 0 || !Files.isRegularFile(javacArchive())) {
                process.destroyForcibly();
                Files.writeString(javacArchiveFailed(), "javac's archive could not be dumped; see " + log + "\n");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while dumping javac's archive", e);
        } finally {
            JobWorkspace.deleteTree(work);
        }
    }

    private String libraryPath() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            List<String> folders = files.filter(f -> f.getFileName().toString().matches(".*\\.so(\\.\\d+)*"))
                    .map(f -> f.getParent().toString()).distinct().sorted().collect(Collectors.toList());
            if (folders.isEmpty()) {
                throw new IOException("no native library was unpacked into " + directory);
            }
            return String.join(":", folders);
        }
    }

    /** Every folder from the root down must let other users in, or the sandbox user cannot load the libraries. */
    private static void requireReadableByOthers(Path directory) throws IOException {
        for (Path dir = directory; dir != null; dir = dir.getParent()) {
            if (!Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IOException(dir + " cannot be entered by other users, so the sandbox user could not "
                        + "read the libraries; set NNLAB_CACHE to a folder outside it");
            }
        }
    }
}
