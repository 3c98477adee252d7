package org.nnlab.grader.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.nnlab.grader.Grader;
import org.nnlab.grader.lab.Lab;
import org.nnlab.grader.result.GradingResult;
import org.nnlab.grader.submission.Submission;
import org.nnlab.grader.submission.SubmissionReader;

/**
 * A lab's self-test: its reference solution (with the reference answers in {@code answers/ID.txt}) must get full
 * marks, and its starter must compile, run and get less.
 */
public final class LabSelfTest {
    private final Grader grader;

    /** @param grader the grader that runs both */
    public LabSelfTest(Grader grader) {
        this.grader = grader;
    }

    /**
     * The outcome of a self-test.
     *
     * @param reference the reference solution's result
     * @param starter   the starter's result
     * @param problems  why the self-test failed; empty when it passed
     */
    public record Report(GradingResult reference, GradingResult starter, List<String> problems) {
        /** @return whether the lab passed its self-test */
        public boolean passed() {
            return problems.isEmpty();
        }
    }

    /** @return the self-test's outcome */
    public Report run(Lab lab) throws IOException {
        GradingResult reference = grader.grade(lab, reference(lab));
        GradingResult starter = grader.grade(lab, starter(lab));
        return new Report(reference, starter, problems(lab, reference, starter));
    }

    /**
     * Judges a self-test from its two results, however they were graded (here, or through a platform's queue).
     *
     * @return why the lab fails its self-test; empty when it passes
     */
    public static List<String> problems(Lab lab, GradingResult reference, GradingResult starter) {
        List<String> problems = new ArrayList<>();
        if (reference.score() < reference.maxScore()) {
            problems.add("the reference solution gets " + reference.score() + " of " + reference.maxScore());
        }
        lab.checks().stream().filter(check -> check.type().equals("completes")).findFirst()
                .map(gate -> starter.check(gate.id())).filter(gate -> !gate.passed())
                .ifPresent(gate -> problems.add("the starter does not compile and complete: " + gate.message()));
        if (starter.score() >= starter.maxScore()) {
            problems.add("the starter already gets full marks");
        }
        return problems;
    }

    /** @return the lab's reference solution with its reference answers */
    public static Submission reference(Lab lab) throws IOException {
        return read(lab, lab.referenceDirectory());
    }

    /** @return the lab's starter code */
    public static Submission starter(Lab lab) throws IOException {
        return read(lab, lab.starterDirectory());
    }

    private static Submission read(Lab lab, Path folder) throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(folder)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        Map<String, String> answers = new LinkedHashMap<>();
        for (Lab.AnswerSpec answer : lab.answers()) {
            Path file = folder.resolve("answers").resolve(answer.id() + ".txt");
            if (Files.isRegularFile(file)) {
                answers.put(answer.id(), Files.readString(file, StandardCharsets.UTF_8).strip());
            }
        }
        return new SubmissionReader().read(sources, lab.entryClass()).withAnswers(answers);
    }
}
