package org.nnlab.kit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.nnlab.datasets.DatasetException;
import org.nnlab.harness.JobFiles;
import org.nnlab.harness.train.SolutionRun;
import org.nnlab.harness.train.TrainingInputs;
import org.nnlab.protocol.KitDescriptor;
import org.nnlab.protocol.ProtocolJson;

/**
 * The student kit's entry point ({@code mvn -q compile exec:java} in an unzipped kit): reads the kit's
 * {@value KitDescriptor#FILE}, prepares the lab's training and validation parts as the grader does, trains the
 * student's solution through the grader's harness in this JVM, without a sandbox, and prints each tracked run's
 * curves. Exit status 0 when {@code train} returned, 1 when it threw, 2 when the kit itself is incomplete.
 */
public final class LocalTraining {
    /** System property naming the descriptor; by default {@value KitDescriptor#FILE} in the working directory. */
    public static final String DESCRIPTOR_PROPERTY = "nnlab.kit.descriptor";
    private static final long MAX_DESCRIPTOR_BYTES = 1 << 20;
    private static final String NO_POINTER_GC = "org.bytedeco.javacpp.nopointergc";

    private LocalTraining() {
    }

    /** @param args none */
    public static void main(String[] args) {
        int status = run(Path.of(System.getProperty(DESCRIPTOR_PROPERTY, KitDescriptor.FILE)), System.out, System.err);
        System.out.flush();
        System.exit(status);
    }

    /**
     * @param descriptorFile the kit's descriptor
     * @param out            where the curves go, and the solution's log
     * @param err            where problems go
     * @return the exit status
     */
    static int run(Path descriptorFile, PrintStream out, PrintStream err) {
        KitDescriptor descriptor;
        KitData data;
        try {
            descriptor = read(descriptorFile.toAbsolutePath());
            data = KitData.load(descriptor, descriptorFile.toAbsolutePath().getParent());
        } catch (IOException | DatasetException | IllegalArgumentException e) {
            err.println("The kit cannot run: " + e.getMessage());
            return 2;
        }
        header(descriptor, data, out);
        long backend = JobFiles.startBackend();
        out.printf(Locale.ROOT, "ND4J started in %.1f s with %s.%n", backend / 1000.0,
                NativeThreads.limit(descriptor.threads()));
        if (!Boolean.getBoolean(NO_POINTER_GC)) {
            out.println("Note: -D" + NO_POINTER_GC + "=true, which the kit's .mvn/jvm.config sets, is missing: "
                    + "training runs slower than in a graded run.");
        }
        out.println("Training " + descriptor.entryClass() + " ...");
        SolutionRun run = new SolutionRun(data.inputs(), out, line -> { });
        long start = System.nanoTime();
        Throwable thrown = run.train(descriptor.entryClass());
        out.printf(Locale.ROOT, "train() %s after %.1f s.%n", thrown == null ? "returned" : "threw",
                (System.nanoTime() - start) / 1e9);
        CurveReport.print(run.curves(), descriptor.runs(), run.reported(), run.warnings(), out);
        out.println();
        if (thrown != null) {
            out.flush();
            err.println("train() threw an exception; the curves above are what was recorded before it:");
            err.print(StudentStackTrace.format(thrown));
            err.flush();
            return 1;
        }
        out.println("These are local results, not your grade: the grader trains your code again in a sandbox and");
        out.println("measures the networks on hidden test data. Submit your .java files on the lab's page.");
        return 0;
    }

    private static KitDescriptor read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " does not exist. Run the kit inside its unzipped folder (the one with "
                    + "pom.xml), or name the descriptor with -D" + DESCRIPTOR_PROPERTY + "=PATH.");
        }
        return ProtocolJson.read(file, KitDescriptor.class, MAX_DESCRIPTOR_BYTES);
    }

    private static void header(KitDescriptor descriptor, KitData data, PrintStream out) {
        TrainingInputs inputs = data.inputs();
        KitDescriptor.Split split = descriptor.split();
        out.println("== " + descriptor.labId() + " (version " + descriptor.version() + "): " + descriptor.title()
                + " ==");
        out.printf(Locale.ROOT, "Data: %s from %s, sha256 %s (verified).%n", data.dataset().spec().file(),
                data.dataset().origin(), data.dataset().spec().sha256());
        out.printf(Locale.ROOT, "Split %.0f/%.0f/%.0f with seed %d, scaling %s: %d training rows, %d validation rows;"
                + " the test part stays with the grader.%n", split.train() * 100, split.validation() * 100,
                split.test() * 100, split.seed(), descriptor.scaling(), inputs.training().rows(),
                inputs.validation().rows());
    }
}
