package org.nnlab.platform.plagiarism.detection;

import de.jplag.JPlag;
import de.jplag.JPlagComparison;
import de.jplag.JPlagResult;
import de.jplag.Match;
import de.jplag.Submission;
import de.jplag.Token;
import de.jplag.clustering.ClusteringOptions;
import de.jplag.exceptions.ExitException;
import de.jplag.java.Language;
import de.jplag.options.JPlagOptions;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Compares Java submissions pairwise with JPlag's Java language module, leaving out what they share with the base
 * code (the lab's starter). It writes the sources to a temporary folder, which it deletes afterwards.
 */
public class SimilarityDetector {
    /** Fewer submissions than this cannot be compared. */
    public static final int MINIMUM_SUBMISSIONS = 2;

    /**
     * @param submissions the submissions to compare, one per student
     * @param baseCode    the shared skeleton: path to text; empty for none
     * @return every pair, most alike first, and the submissions that could not be parsed
     * @throws SimilarityException when fewer than two submissions can be compared, or JPlag fails
     */
    public SimilarityReport compare(List<SubmittedSources> submissions, Map<String, String> baseCode) {
        Path work;
        try {
            work = Files.createTempDirectory("nnlab-similarity");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a folder for the similarity check", e);
        }
        try {
            return compareIn(work, submissions, baseCode);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the submissions for the similarity check", e);
        } finally {
            delete(work);
        }
    }

    private SimilarityReport compareIn(Path work, List<SubmittedSources> submissions, Map<String, String> baseCode)
            throws IOException {
        List<String> skipped = new ArrayList<>();
        List<SubmittedSources> written = new ArrayList<>();
        Path root = Files.createDirectories(work.resolve("submissions"));
        for (SubmittedSources submission : submissions) {
            if (submission.files().keySet().stream().noneMatch(SimilarityDetector::isJava)) {
                skipped.add(submission.student() + ": no Java file");
                continue;
            }
            write(root.resolve(folder(written.size())), submission.files());
            written.add(submission);
        }
        if (written.size() < MINIMUM_SUBMISSIONS) {
            throw new SimilarityException(tooFew(written.size(), skipped));
        }
        JPlagOptions options = new JPlagOptions(new Language(), Set.of(root.toFile()), Set.of())
                .withClusteringOptions(new ClusteringOptions().withEnabled(false));
        if (baseCode.keySet().stream().anyMatch(SimilarityDetector::isJava)) {
            Path base = work.resolve("base");
            write(base, baseCode);
            options = options.withBaseCodeSubmissionDirectory(base.toFile());
        }
        JPlagResult result;
        try {
            result = new JPlag(options).run();
        } catch (ExitException e) {
            throw new SimilarityException("JPlag could not compare the submissions: " + e.getMessage()
                    + (skipped.isEmpty() ? "" : " (skipped: " + String.join("; ", skipped) + ")"));
        }
        for (Submission invalid : result.getSubmissions().getInvalidSubmissions()) {
            skipped.add(written.get(index(invalid)).student() + ": JPlag cannot parse it");
        }
        List<PairFinding> pairs = new ArrayList<>();
        for (JPlagComparison comparison : result.getAllComparisons()) {
            pairs.add(finding(comparison, written));
        }
        pairs.sort(Comparator.comparingDouble(PairFinding::average).reversed());
        return new SimilarityReport(pairs, skipped);
    }

    private static PairFinding finding(JPlagComparison comparison, List<SubmittedSources> written) {
        Submission first = comparison.firstSubmission();
        Submission second = comparison.secondSubmission();
        List<MatchedRegion> regions = new ArrayList<>();
        for (Match match : comparison.matches()) {
            Lines a = lines(first, match.startOfFirst(), match.length());
            Lines b = lines(second, match.startOfSecond(), match.length());
            regions.add(new MatchedRegion(a.file(), a.start(), a.end(), b.file(), b.start(), b.end(),
                    match.length()));
        }
        regions.sort(Comparator.comparing(MatchedRegion::fileA).thenComparingInt(MatchedRegion::startA));
        return new PairFinding(written.get(index(first)), written.get(index(second)), comparison.similarity(),
                comparison.maximalSimilarity(), List.copyOf(regions));
    }

    /** The lines a run of tokens covers, in the one file it lies in (JPlag never matches across a file's end). */
    private record Lines(String file, int start, int end) {
    }

    private static Lines lines(Submission submission, int from, int length) {
        List<Token> tokens = submission.getTokenList().subList(from, from + length);
        Path root = submission.getRoot().toPath().toAbsolutePath();
        File file = tokens.get(0).getFile();
        int start = tokens.stream().mapToInt(Token::getLine).filter(line -> line > 0).min().orElse(1);
        int end = tokens.stream().mapToInt(Token::getLine).max().orElse(start);
        return new Lines(root.relativize(file.toPath().toAbsolutePath()).toString().replace('\\', '/'), start,
                Math.max(start, end));
    }

    private static String folder(int index) {
        return "s" + index;
    }

    private static int index(Submission submission) {
        return Integer.parseInt(submission.getName().substring(1));
    }

    private static String tooFew(int count, List<String> skipped) {
        return "A similarity check needs at least " + MINIMUM_SUBMISSIONS + " submissions with Java sources; there "
                + (count == 1 ? "is 1" : "are " + count) + "."
                + (skipped.isEmpty() ? "" : " Skipped: " + String.join("; ", skipped) + ".");
    }

    private static boolean isJava(String path) {
        return path.endsWith(".java");
    }

    private static void write(Path folder, Map<String, String> files) throws IOException {
        Files.createDirectories(folder);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = folder.resolve(file.getKey()).normalize();
            if (!target.startsWith(folder) || !isJava(file.getKey())) {
                continue;
            }
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind; the system's cleaner takes it
        }
    }
}
