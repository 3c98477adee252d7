package org.nnlab.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.datasets.obtain.DatasetLoader;
import org.nnlab.grader.check.CheckCatalog;
import org.nnlab.grader.kit.StudentKit;
import org.nnlab.grader.lab.Lab;
import org.nnlab.grader.lab.LabLoader;

/**
 * The digits lab's student kit, made with the real kit jar, unzipped and run as a student runs it: a separate
 * {@code mvn -q compile exec:java} process, on the starter, on the reference solution and on a solution that throws.
 */
class StudentKitIT {
    private static final long TIMEOUT_MINUTES = 5;
    private static final Pattern RUN = Pattern.compile("(?m)^Run (\\S+) \\((\\d+) epochs?\\)$");
    private static final Pattern ROW = Pattern.compile("^ *(\\d+) +(\\S+) +(\\S+) +(\\S+) +(\\S+)$");
    private static final Pattern BEST = Pattern.compile("(?m)^  (\\S+)  ([0-9.]+) \\(epoch (\\d+)\\)$");
    private static Lab lab;
    private static byte[] kit;
    private static Path installedKit;
    private static boolean installedBefore;

    @TempDir
    Path temp;

    @BeforeAll
    static void writeTheDigitsKitWithTheRealKitJar() throws IOException {
        lab = new LabLoader(CheckCatalog.builtIn()::create).load(Path.of(System.getProperty("nnlab.labs"))
                .resolve("digits-regularization"));
        Path jar = Path.of(System.getProperty("nnlab.kit.jar"));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        StudentKit.write(lab, jar, DatasetLoader.standard().load(lab.dataset()).file(), zip);
        kit = zip.toByteArray();
        String version = StudentKit.kitVersion(Files.readAllBytes(jar));
        installedKit = localRepository().resolve("org/nnlab/nnlab-kit/" + version);
        installedBefore = Files.exists(installedKit);
    }

    @AfterAll
    static void removeTheKitJarThatMavenCopiedIntoTheLocalRepository() throws IOException {
        if (installedKit != null && !installedBefore && Files.exists(installedKit)) {
            try (Stream<Path> files = Files.walk(installedKit)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
            try (Stream<Path> others = Files.list(installedKit.getParent())) {
                if (others.findAny().isEmpty()) {
                    Files.delete(installedKit.getParent());
                }
            }
        }
    }

    @Test
    void theStarterTrainsRunsAAndBFor40EpochsWithFiniteLosses() throws Exception {
        Path project = unzip();

        Result result = mvn(project);

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("Data: digits.csv.gz from the kit's data folder"), result.output());
        assertTrue(result.output().contains("with 1 native thread, as in a graded run"), result.output());
        assertFalse(result.output().contains("nopointergc=true, which the kit's .mvn/jvm.config sets, is missing"),
                result.output());
        Map<String, List<double[]>> curves = curves(result.output());
        assertEquals(List.of("A", "B"), List.copyOf(curves.keySet()), result.output());
        for (Map.Entry<String, List<double[]>> run : curves.entrySet()) {
            assertEquals(40, run.getValue().size(), run.getKey());
            for (int i = 0; i < 40; i++) {
                double[] row = run.getValue().get(i);
                assertEquals(i + 1, row[0], run.getKey());
                assertTrue(Double.isFinite(row[1]) && Double.isFinite(row[2]), run.getKey() + " epoch " + (i + 1));
                assertTrue(row[3] >= 0 && row[3] <= 1, run.getKey() + " epoch " + (i + 1));
            }
        }
        Map<String, Double> best = best(result.output());
        assertEquals(List.of("A", "B"), List.copyOf(best.keySet()), result.output());
        assertTrue(best.get("A") > 0.9 && best.get("B") > 0.9, best.toString());
    }

    @Test
    void theReferenceSolutionReachesOver95PercentOnRunAAndReportsIt() throws Exception {
        Path project = unzip();
        Files.copy(lab.referenceDirectory().resolve("Solution.java"), project.resolve("src/main/java/Solution.java"),
                StandardCopyOption.REPLACE_EXISTING);

        Result result = mvn(project);

        assertEquals(0, result.exitCode(), result.output());
        Map<String, Double> best = best(result.output());
        assertTrue(best.get("A") > 0.95, best.toString());
        Matcher reported = Pattern.compile("(?m)^  A\\.bestValidationAccuracy = ([0-9.]+)$").matcher(result.output());
        assertTrue(reported.find(), result.output());
        assertEquals(best.get("A"), Double.parseDouble(reported.group(1)), 5e-5);
        assertTrue(result.output().contains("learning rate now"), "the plateau schedule's log: " + result.output());
    }

    @Test
    void aSolutionThatThrowsFailsTheRunWithItsOwnStackTrace() throws Exception {
        Path project = unzip();
        Files.writeString(project.resolve("src/main/java/Solution.java"), """
                import org.nnlab.api.LabContext;
                import org.nnlab.api.LabSolution;

                public class Solution implements LabSolution {
                    @Override
                    public void train(LabContext ctx) {
                        prepare(ctx.intParam("batchSize"));
                    }

                    private static void prepare(int batchSize) {
                        throw new IllegalArgumentException("no batches of " + batchSize);
                    }
                }
                """);

        Result result = mvn(project);

        assertNotEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("""
                java.lang.IllegalArgumentException: no batches of 32
                \tat Solution.prepare(Solution.java:11)
                \tat Solution.train(Solution.java:7)
                """), result.output());
        assertFalse(result.output().contains("org.nnlab.harness"), result.output());
    }

    private Path unzip() throws IOException {
        Path target = temp.toAbsolutePath();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(kit))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    fail("zip entry outside the folder: " + entry.getName());
                }
                Files.createDirectories(file.getParent());
                Files.write(file, in.readAllBytes());
            }
        }
        return target.resolve(StudentKit.rootFolder(lab));
    }

    private static Result mvn(Path project) throws IOException, InterruptedException {
        Path log = Files.createTempFile(project, "mvn", ".log");
        List<String> command = new ArrayList<>(List.of(mavenExecutable(), "-q", "-B",
                "-Dmaven.repo.local=" + localRepository(),
                // the natives the harness's tests already unpacked: the same jars, so the same libraries
                "-Dorg.bytedeco.javacpp.cachedir=" + System.getProperty("nnlab.it.natives"),
                "compile", "exec:java"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("OMP_NUM_THREADS");
        builder.environment().remove("MAVEN_OPTS");
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail("mvn did not finish within " + TIMEOUT_MINUTES + " minutes:\n" + Files.readString(log));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8).replaceAll("\u001b\\[[0-9;]*m", "");
        System.out.printf("%s: mvn compile exec:java took %.1f s%n", project.getParent().getFileName(),
                (System.nanoTime() - start) / 1e9);
        return new Result(process.exitValue(), output);
    }

    /** @return the rows (epoch, training loss, validation loss, validation accuracy, learning rate) of each run */
    static Map<String, List<double[]>> curves(String output) {
        Map<String, List<double[]>> curves = new LinkedHashMap<>();
        Matcher run = RUN.matcher(output);
        while (run.find()) {
            List<double[]> rows = new ArrayList<>();
            List<String> lines = output.substring(run.end()).lines().skip(2).toList();
            for (String line : lines) {
                Matcher row = ROW.matcher(line);
                if (!row.matches()) {
                    break;
                }
                double[] values = new double[5];
                for (int i = 0; i < 5; i++) {
                    values[i] = Double.parseDouble(row.group(i + 1));
                }
                rows.add(values);
            }
            curves.put(run.group(1), rows);
        }
        return curves;
    }

    /** @return the best validation accuracy printed for each run */
    static Map<String, Double> best(String output) {
        Map<String, Double> best = new LinkedHashMap<>();
        int start = output.indexOf("Best validation accuracy:");
        if (start >= 0) {
            Matcher matcher = BEST.matcher(output.substring(start));
            while (matcher.find()) {
                best.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
            }
        }
        return best;
    }

    private static String mavenExecutable() {
        String home = System.getProperty("nnlab.it.maven.home");
        boolean windows = System.getProperty("os.name").startsWith("Windows");
        if (home != null && !home.isBlank()) {
            Path mvn = Path.of(home, "bin", windows ? "mvn.cmd" : "mvn");
            if (Files.isExecutable(mvn)) {
                return mvn.toString();
            }
        }
        return windows ? "mvn.cmd" : "mvn";
    }

    private static Path localRepository() {
        return Path.of(System.getProperty("nnlab.it.local.repository",
                System.getProperty("user.home") + "/.m2/repository"));
    }

    private record Result(int exitCode, String output) {
    }
}
