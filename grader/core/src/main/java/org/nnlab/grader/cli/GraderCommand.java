package org.nnlab.grader.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.nnlab.datasets.Dataset;
import org.nnlab.datasets.DatasetException;
import org.nnlab.datasets.obtain.DatasetLoader;
import org.nnlab.grader.Grader;
import org.nnlab.grader.benchmark.BenchmarkReport;
import org.nnlab.grader.benchmark.PlatformStart;
import org.nnlab.grader.benchmark.PytorchPeer;
import org.nnlab.grader.check.CheckCatalog;
import org.nnlab.grader.check.CheckType;
import org.nnlab.grader.kit.KitJar;
import org.nnlab.grader.kit.StudentKit;
import org.nnlab.grader.lab.Lab;
import org.nnlab.grader.lab.LabException;
import org.nnlab.grader.lab.LabLoader;
import org.nnlab.grader.reflection.ClaimKind;
import org.nnlab.grader.reflection.ClaimReader;
import org.nnlab.grader.result.GradingResult;
import org.nnlab.grader.result.ReportPrinter;
import org.nnlab.grader.result.ResultJson;
import org.nnlab.grader.run.Spares;
import org.nnlab.grader.sandbox.BubblewrapSandbox;
import org.nnlab.grader.sandbox.Sandbox;
import org.nnlab.grader.sandbox.SandboxUnavailableException;
import org.nnlab.grader.sandbox.UnsandboxedRunner;
import org.nnlab.grader.submission.Submission;
import org.nnlab.grader.submission.SubmissionException;
import org.nnlab.grader.submission.SubmissionReader;

/**
 * {@code grader grade|validate|checks|benchmark|kit}. Exit status 0 whenever a result was produced, whatever the
 * score; 1 when a lab failed its self-test; 2 for usage errors or when nothing could be graded, always with a clear
 * message.
 */
public final class GraderCommand {
    static final String USAGE = """
            usage:
              grader grade --lab DIR --submission FILE [--submission FILE ...] [--answer ID=FILE ...] [--json OUT]
                           [--unsandboxed-trusted-code]
              grader validate --lab DIR [--json-dir DIR] [--unsandboxed-trusted-code]
              grader checks
              grader benchmark --lab DIR [--repeat N] [--json OUT] [--queued N] [--epochs LIST] [--queues LIST]
                           [--starts N] [--spares N]
                           (grading of the lab's reference solution against its in-process floor and PyTorch, and
                           the platform's start; --queued 0, --epochs none, --queues none and --starts 0 skip the
                           throughput, scaling and start parts; --spares: the spares ready when a queue arrives,
                           by default as many as the platform's auto keeps after a burst)
              grader kit --lab DIR --out FILE.zip [--kit-jar FILE]   (the lab's student kit)
            --unsandboxed-trusted-code runs the code WITHOUT any sandbox: only for an instructor's own code.""";

    private final PrintStream out;
    private final PrintStream err;

    GraderCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** @param args the command line */
    public static void main(String[] args) {
        System.exit(new GraderCommand(System.out, System.err).run(args));
    }

    int run(String[] args) {
        try {
            Options options = Options.parse(args);
            return switch (options.command()) {
                case "grade" -> grade(options);
                case "validate" -> validate(options);
                case "checks" -> checks();
                case "benchmark" -> benchmark(options);
                case "kit" -> kit(options);
                default -> throw new UsageException("unknown command '" + options.command() + "'");
            };
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (LabException | SubmissionException | DatasetException | SandboxUnavailableException
                 | IllegalStateException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("Grading failed: " + e.getMessage());
            return 2;
        }
    }

    private int grade(Options options) throws IOException {
        writable(options.json());
        Grader grader = Grader.standard(sandbox(options));
        Lab lab = grader.labLoader().load(options.lab());
        if (options.submissions().isEmpty()) {
            throw new UsageException("grade needs at least one --submission FILE");
        }
        Submission submission = new SubmissionReader().read(options.submissions(), lab.entryClass())
                .withAnswers(options.answers());
        GradingResult result = grader.grade(lab, submission);
        ReportPrinter.print(result, out);
        if (options.json() != null) {
            ResultJson.write(result, options.json());
            out.println("Result written to " + options.json());
        }
        return 0;
    }

    private int validate(Options options) throws IOException {
        Grader grader = Grader.standard(sandbox(options));
        Lab lab = grader.labLoader().load(options.lab());
        LabSelfTest.Report report = new LabSelfTest(grader).run(lab);
        for (Map.Entry<String, GradingResult> entry : List.of(Map.entry("reference", report.reference()),
                Map.entry("starter", report.starter()))) {
            out.println("== " + entry.getKey() + " ==");
            ReportPrinter.print(entry.getValue(), out);
            out.println();
            if (options.jsonDir() != null) {
                Files.createDirectories(options.jsonDir());
                ResultJson.write(entry.getValue(), options.jsonDir().resolve(entry.getKey() + ".json"));
            }
        }
        report.problems().forEach(problem -> out.println("SELF-TEST FAILURE: " + problem));
        out.println(report.passed() ? "Self-test passed: the reference gets full marks, the starter runs and gets "
                + report.starter().score() + " of " + lab.maxScore() + "." : "Self-test FAILED.");
        return report.passed() ? 0 : 1;
    }

    private int benchmark(Options options) throws IOException {
        writable(options.json());
        Grader grader = Grader.standard(sandbox(options));
        Lab lab = grader.labLoader().load(options.lab());
        // The floor trains the lab's own reference solution, trusted instructor code, without a sandbox.
        Grader floor = Grader.standard(new UnsandboxedRunner());
        int workers = Math.max(1, Runtime.getRuntime().availableProcessors() / lab.limits().cpus());
        int spares = options.spares() != null ? options.spares() : Spares.auto(workers).burst();
        GradingBenchmark.Settings settings = new GradingBenchmark.Settings(options.repeat(), options.queued(),
                workers, spares, options.epochScales(), options.queueScales(), options.starts());
        BenchmarkReport report = new GradingBenchmark(grader, floor, new PytorchPeer(PytorchPeer.SCRIPT),
                new PlatformStart(Path.of("").toAbsolutePath()), out).run(lab, settings);
        out.println();
        out.print(report.table());
        if (options.json() != null) {
            report.writeJson(options.json());
            out.println("Benchmark written to " + options.json());
        }
        return 0;
    }

    /**
     * Makes the folder of a {@code --json} file and checks that the file can be written there, before minutes of
     * grading or benchmarking that would otherwise end without it.
     *
     * @param json the file, or null when none was asked for
     * @throws IllegalStateException naming the file and why it cannot be written
     */
    private static void writable(Path json) {
        if (json == null) {
            return;
        }
        Path folder = json.toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write --json " + json + ": its folder " + folder
                    + " cannot be made (" + e.getMessage() + ")");
        }
        if (Files.isDirectory(json) || !Files.isWritable(Files.exists(json) ? json : folder)) {
            throw new IllegalStateException("cannot write --json " + json + ": " + (Files.isDirectory(json)
                    ? "it is a folder" : "it is not writable"));
        }
    }

    private int kit(Options options) throws IOException {
        if (options.out() == null) {
            throw new UsageException("kit needs --out FILE.zip");
        }
        Lab lab = new LabLoader(CheckCatalog.standard()::create).load(options.lab());
        Path jar = options.kitJar() != null ? KitJar.check(options.kitJar()) : KitJar.locate();
        Dataset dataset = DatasetLoader.standard().load(lab.dataset());
        try (OutputStream zip = Files.newOutputStream(options.out())) {
            StudentKit.write(lab, jar, dataset.file(), zip);
        }
        out.println("Student kit of " + lab.id() + " written to " + options.out() + " (" + Files.size(options.out())
                + " bytes). Students unzip it and run 'mvn -q compile exec:java' in " + StudentKit.rootFolder(lab)
                + "/.");
        return 0;
    }

    private int checks() {
        for (CheckType type : CheckCatalog.standard().types()) {
            out.println(type.name() + ": " + type.description());
        }
        out.println();
        out.println("Claims a reflection check reads and checks against the curves:");
        for (ClaimKind kind : ClaimReader.standard().kinds()) {
            out.println("  " + kind.name() + ": " + kind.description());
        }
        return 0;
    }

    private Sandbox sandbox(Options options) {
        if (options.unsandboxed()) {
            err.println("WARNING: --unsandboxed-trusted-code: the code runs with this user's full rights. Never use "
                    + "it for student submissions.");
            return new UnsandboxedRunner();
        }
        return new BubblewrapSandbox();
    }

    /** A command line that cannot be understood. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** The parsed command line. */
    record Options(String command, Path lab, List<Path> submissions, Map<String, String> answers, Path json,
                   Path jsonDir, boolean unsandboxed, int repeat, Path out, Path kitJar, int queued,
                   List<Integer> epochScales, List<Integer> queueScales, int starts, Integer spares) {

        static Options parse(String[] args) throws IOException {
            if (args.length == 0) {
                throw new UsageException("no command given");
            }
            Path lab = null;
            Path json = null;
            Path jsonDir = null;
            Path out = null;
            Path kitJar = null;
            boolean unsandboxed = false;
            int repeat = 5;
            int queued = 20;
            List<Integer> epochScales = List.of(30, 60, 120);
            List<Integer> queueScales = List.of(1, 10, 50);
            int starts = 3;
            Integer spares = null; // auto
            List<Path> submissions = new ArrayList<>();
            Map<String, String> answers = new LinkedHashMap<>();
            for (int i = 1; i < args.length; i++) {
                String option = args[i];
                if (option.equals("--unsandboxed-trusted-code")) {
                    unsandboxed = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new UsageException(option + " needs a value");
                }
                String value = args[++i];
                switch (option) {
                    case "--lab" -> lab = existing(value, "lab folder");
                    case "--submission" -> submissions.add(existing(value, "submission file"));
                    case "--json" -> json = Path.of(value);
                    case "--json-dir" -> jsonDir = Path.of(value);
                    case "--out" -> out = Path.of(value);
                    case "--kit-jar" -> kitJar = existing(value, "kit jar");
                    case "--repeat" -> repeat = positive(value, option);
                    case "--queued" -> queued = value.equals("0") ? 0 : positive(value, option);
                    case "--epochs" -> epochScales = positives(value, option);
                    case "--queues" -> queueScales = positives(value, option);
                    case "--starts" -> starts = value.equals("0") ? 0 : positive(value, option);
                    case "--spares" -> spares = value.equals("0") ? 0 : positive(value, option);
                    case "--answer" -> {
                        int eq = value.indexOf('=');
                        if (eq <= 0) {
                            throw new UsageException("--answer takes ID=FILE, got '" + value + "'");
                        }
                        answers.put(value.substring(0, eq), Files.readString(existing(value.substring(eq + 1),
                                "answer file"), StandardCharsets.UTF_8));
                    }
                    default -> throw new UsageException("unknown option " + option);
                }
            }
            if (!args[0].equals("checks") && lab == null) {
                throw new UsageException(args[0] + " needs --lab DIR");
            }
            return new Options(args[0], lab, submissions, answers, json, jsonDir, unsandboxed, repeat, out, kitJar,
                    queued, epochScales, queueScales, starts, spares);
        }

        /** @return the comma-separated positive integers of {@code value}, none for "none" */
        private static List<Integer> positives(String value, String option) {
            return value.equals("none") ? List.of()
                    : Stream.of(value.split(",")).map(number -> positive(number.trim(), option)).toList();
        }

        private static int positive(String value, String option) {
            try {
                int number = Integer.parseInt(value);
                if (number > 0) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new UsageException(option + " takes a positive integer, got '" + value + "'");
        }

        private static Path existing(String value, String what) {
            Path path = Path.of(value).toAbsolutePath().normalize();
            if (!Files.exists(path)) {
                throw new UsageException("the " + what + " " + value + " does not exist");
            }
            return path;
        }
    }
}
