package org.nnlab.grader.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.nnlab.grader.sandbox.Mount;
import org.nnlab.grader.sandbox.Sandbox;
import org.nnlab.grader.sandbox.SandboxLimits;
import org.nnlab.grader.sandbox.SandboxOutcome;
import org.nnlab.grader.sandbox.SandboxRequest;

/**
 * Compiles a submission's sources with javac against the student API and ND4J/DL4J only, with annotation
 * processing off, inside a sandbox: even the compiler never runs with access to the host.
 */
public final class SubmissionCompiler {
    private static final Pattern ERROR = Pattern.compile("^(.+\\.java):(\\d+): error: (.*)$");
    private static final long MB = 1024L * 1024;
    private static final String OUT_OF_RESOURCES = "The system is out of resources.";
    /** How long javac may take; the training sandbox, started meanwhile, waits at most that long for its job. */
    public static final Duration WALL_TIME = Duration.ofSeconds(120);
    private static final SandboxLimits LIMITS = new SandboxLimits(WALL_TIME, 240, 1536 * MB, 128,
            64 * MB, 256 * MB, 64 * 1024, 1);
    private final Sandbox sandbox;
    private final Path javaHome;
    private final List<Path> classpath;
    private final List<Mount> mounts;
    private final Path archive;

    /**
     * @param sandbox   where javac runs
     * @param javaHome  the JDK whose javac is used
     * @param classpath the jars submissions compile against
     * @param mounts    read-only mounts that make those jars (and a JDK outside /usr) visible
     * @param archive   a class-data-sharing archive of javac's classes inside those mounts, or null for none
     */
    public SubmissionCompiler(Sandbox sandbox, Path javaHome, List<Path> classpath, List<Mount> mounts,
                              Path archive) {
        this.sandbox = sandbox;
        this.javaHome = javaHome;
        this.classpath = List.copyOf(classpath);
        this.mounts = List.copyOf(mounts);
        this.archive = archive;
    }

    /**
     * @param sources    relative path to source text
     * @param sourceDir  an empty folder to write the sources into
     * @param classesDir an empty folder, writable by the sandbox, for the classes
     * @return the outcome, with errors by file and line
     */
    public CompileResult compile(Map<String, String> sources, Path sourceDir, Path classesDir) throws IOException {
        List<String> command = javacCommand(javaHome, classpath, classesDir);
        if (archive != null && Files.isRegularFile(archive)) {
            command.addAll(1, List.of("-J-XX:SharedArchiveFile=" + archive, "-J-Xlog:cds*=off"));
        }
        command.addAll(writeSources(sources, sourceDir));
        List<Mount> all = new ArrayList<>(mounts);
        all.add(Mount.readOnly(sourceDir));
        all.add(Mount.writable(classesDir, classesDir.toString()));
        SandboxOutcome outcome = sandbox.run(new SandboxRequest(command, all,
                Map.of("PATH", "/usr/bin:/bin", "HOME", "/tmp", "LANG", "C.UTF-8"), "/tmp", LIMITS));
        String output = outcome.stdout() + outcome.stderr();
        if (outcome.timedOut()) {
            output = "javac did not finish within " + LIMITS.wallTime().toSeconds() + " s.\n" + output;
        }
        return result(outcome.succeeded(), output, sourceDir, outcome.elapsed());
    }

    /**
     * @param succeeded whether javac succeeded
     * @param output    what it printed, or why it ended without finishing
     * @param sourceDir where the sources were, which the errors' file names are made relative to
     * @param elapsed   how long it took
     * @return the result the student reads: the errors by file and line, or what stopped javac
     */
    public static CompileResult result(boolean succeeded, String output, Path sourceDir, Duration elapsed) {
        String text = !succeeded && output.contains(OUT_OF_RESOURCES) ? outOfResources(output) : output;
        return new CompileResult(succeeded, errors(text, sourceDir), text, elapsed);
    }

    /**
     * Writes a submission's sources into a folder.
     *
     * @param sources   relative path to source text
     * @param sourceDir an empty folder
     * @return the files written, in the submission's order
     * @throws IllegalArgumentException when a path leads outside the folder
     */
    public static List<String> writeSources(Map<String, String> sources, Path sourceDir) throws IOException {
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = sourceDir.resolve(source.getKey()).normalize();
            if (!file.startsWith(sourceDir)) {
                throw new IllegalArgumentException("source path outside the source folder: " + source.getKey());
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            files.add(file.toString());
        }
        return files;
    }

    /**
     * @param javaHome   the JDK whose javac is used
     * @param classpath  the jars submissions compile against
     * @param classesDir where the classes go
     * @return javac's command line as a submission is compiled, without the sources, in a list that may be changed:
     *     the program, then the options of its JVM (where a class-data archive's options go), then javac's
     */
    public static List<String> javacCommand(Path javaHome, List<Path> classpath, Path classesDir) {
        List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin/javac").toString(), "-J-Xmx512m",
                "-J-XX:ActiveProcessorCount=1", "-J-XX:+UseSerialGC", "-J-XX:-UsePerfData",
                // javac runs for about a second: the quick C1 compiler alone makes that 40 % shorter (digits
                // reference, unsandboxed, idle machine: 1.5 s with C2 as well, 0.9 s with C1 only)
                "-J-XX:TieredStopAtLevel=1"));
        command.addAll(javacOptions(classpath, classesDir));
        return command;
    }

    /**
     * @return javac's own options as a submission is compiled, without the sources: also the arguments of a spare's
     *     javac, which runs in its training JVM
     */
    public static List<String> javacOptions(List<Path> classpath, Path classesDir) {
        return new ArrayList<>(List.of("-proc:none", "-encoding", "UTF-8", "-Xmaxerrs", "50", "-nowarn", "-g",
                "-implicit:none", "-d", classesDir.toString(), "-cp", classpath(classpath)));
    }

    /** @return the class path as javac's {@code -cp} takes it */
    public static String classpath(List<Path> classpath) {
        return classpath.stream().map(Path::toString).collect(Collectors.joining(":"));
    }

    /**
     * @param output javac's output when it gave up with "The system is out of resources" and a stack trace
     * @return what the student reads instead of the compiler's stack trace
     */
    static String outOfResources(String output) {
        String cause = output.lines().filter(line -> line.startsWith("java.lang.")).findFirst()
                .orElse("out of memory");
        return "javac ran out of resources compiling this code (" + cause.strip() + "): simplify deeply nested "
                + "types, expressions or blocks.";
    }

    static List<CompileError> errors(String output, Path sourceDir) {
        List<CompileError> errors = new ArrayList<>();
        String[] lines = output.split("\n");
        for (int i = 0; i < lines.length; i++) {
            Matcher matcher = ERROR.matcher(lines[i]);
            if (!matcher.matches()) {
                continue;
            }
            StringBuilder message = new StringBuilder(matcher.group(3));
            for (int j = i + 1; j < lines.length && !ERROR.matcher(lines[j]).matches()
                    && !lines[j].matches("^\\d+ errors?$"); j++) {
                message.append('\n').append(lines[j]);
            }
            String file = matcher.group(1);
            if (file.startsWith(sourceDir + "/")) {
                file = file.substring(sourceDir.toString().length() + 1);
            }
            errors.add(new CompileError(file, Integer.parseInt(matcher.group(2)), message.toString().stripTrailing()));
        }
        return errors;
    }
}
