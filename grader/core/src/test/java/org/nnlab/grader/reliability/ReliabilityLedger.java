package org.nnlab.grader.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Records each case of a {@link Reliability} test class in {@code target/reliability/<class>.tsv}, one line per
 * test: category, case, outcome ({@code contained}, {@code FAILED} or {@code skipped: reason}) and the number of
 * submissions lost that the test counted with {@link #lost(int)}. {@code ./nnlab test} sums the files into its
 * summary table. A class run again on another database ({@code -Dnnlab.it.database=postgresql}) records in a file
 * of its own, its categories named with the database: "bad input (postgresql)".
 */
public final class ReliabilityLedger implements BeforeAllCallback, BeforeEachCallback, TestWatcher {
    private static final Path FOLDER = Path.of("target", "reliability");
    private static final ThreadLocal<int[]> LOST = new ThreadLocal<>();
    private static final String DATABASE = System.getProperty("nnlab.it.database", "");

    /**
     * Counts submissions that the calling test found lost (or duplicated); a test that loses any should fail too.
     *
     * @param submissions how many were lost, 0 when the test checked and found none
     */
    public static void lost(int submissions) {
        int[] count = LOST.get();
        if (count != null) {
            count[0] += submissions;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Files.createDirectories(FOLDER);
        Files.writeString(file(context), "", StandardCharsets.UTF_8);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        LOST.set(new int[1]);
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        record(context, "contained");
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        record(context, "FAILED");
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        record(context, "skipped: " + cause.getMessage());
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        record(context, "skipped: " + reason.orElse("disabled"));
    }

    private static void record(ExtensionContext context, String outcome) {
        int[] lost = LOST.get();
        LOST.remove();
        String category = category(context.getRequiredTestClass());
        String line = String.join("\t", category, context.getDisplayName(), outcome.replaceAll("\\s+", " "),
                Integer.toString(lost == null ? 0 : lost[0])) + "\n";
        synchronized (ReliabilityLedger.class) {
            try {
                Files.writeString(file(context), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String category(Class<?> testClass) {
        for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
            Reliability reliability = type.getAnnotation(Reliability.class);
            if (reliability != null) {
                return DATABASE.isEmpty() ? reliability.value() : reliability.value() + " (" + DATABASE + ")";
            }
        }
        throw new IllegalStateException(testClass.getName() + " is not marked @Reliability");
    }

    private static Path file(ExtensionContext context) {
        String name = context.getRequiredTestClass().getName();
        return FOLDER.resolve(DATABASE.isEmpty() ? name + ".tsv" : name + "." + DATABASE + ".tsv");
    }
}
