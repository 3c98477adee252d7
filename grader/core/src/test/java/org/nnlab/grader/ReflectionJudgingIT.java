package org.nnlab.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nnlab.grader.check.Evidence;
import org.nnlab.grader.cli.LabSelfTest;
import org.nnlab.grader.lab.CheckSpec;
import org.nnlab.grader.lab.Lab;
import org.nnlab.grader.reflection.Sentences;
import org.nnlab.grader.result.CheckResult;
import org.nnlab.grader.result.Diagnosis.Finding;
import org.nnlab.grader.result.GradingResult;
import org.nnlab.grader.sandbox.BubblewrapSandbox;
import org.nnlab.grader.submission.Submission;

/**
 * True and false reflections told apart on every lab's real curves: each lab's reference solution is graded once
 * for real, in the sandbox, and its evidence judged again with reflections whose last sentence says something the
 * curves contradict ({@code reflections/false-claims.tsv}). The true reflection keeps full marks with no claim
 * contradicted; each false one loses points, its feedback gives the figure the curves show instead, every other check
 * still passes, and the diagnosis tells the student what to rewrite.
 */
@Execution(ExecutionMode.CONCURRENT)
class ReflectionJudgingIT {
    private static final Map<String, Graded> REFERENCES = new ConcurrentHashMap<>();
    private static Grader grader;

    /** A lab's reference graded once: its lab, result and evidence. */
    private record Graded(Lab lab, GradingResult result, Evidence evidence) {
    }

    @BeforeAll
    static void sandboxedGrader() {
        LabFolders.assumeSandbox();
        grader = Grader.standard(new BubblewrapSandbox());
    }

    static Stream<Arguments> falseClaims() throws IOException {
        List<Arguments> claims = new ArrayList<>();
        try (InputStream in = ReflectionJudgingIT.class.getResourceAsStream("/reflections/false-claims.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] fields = line.split("\t");
                    claims.add(Arguments.of(fields[0], fields[1], fields[2]));
                }
            }
        }
        return claims.stream();
    }

    static Stream<String> labs() throws IOException {
        return falseClaims().map(arguments -> (String) arguments.get()[0]).distinct();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labs")
    void theReferenceReflectionIsBorneOutByItsCurves(String labId) {
        Graded graded = reference(labId);
        CheckResult reflection = graded.result().check(reflectionCheck(graded.lab()).id());

        assertTrue(reflection.passed(), reflection::message);
        assertFalse(reflection.message().contains("- contradicted:"), reflection::message);
        assertTrue(reflection.message().contains("- supported:"), reflection::message);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("falseClaims")
    void aFalseClaimLosesPointsNamesTheTruthAndLeavesTheOtherChecksAlone(String labId, String falseSentence,
                                                                         String truth) throws IOException {
        Graded graded = reference(labId);
        CheckSpec spec = reflectionCheck(graded.lab());
        String answerId = spec.params().string("answer");
        Map<String, String> answers = new HashMap<>(graded.evidence().answers());
        List<String> sentences = new ArrayList<>(Sentences.split(answers.get(answerId)));
        sentences.set(sentences.size() - 1, falseSentence);
        answers.put(answerId, String.join(" ", sentences));

        GradingResult judged = grader.judge(graded.lab(), graded.evidence().withAnswers(answers));

        CheckResult reflection = judged.check(spec.id());
        assertTrue(reflection.points() < reflection.maxPoints(), reflection::message);
        String quoted = falseSentence.substring(0, Math.min(20, falseSentence.length()));
        assertTrue(reflection.message().contains("- contradicted: \"" + quoted), reflection::message);
        assertTrue(reflection.message().contains(truth), reflection::message);
        for (CheckResult check : judged.checks()) {
            if (!check.id().equals(spec.id())) {
                assertEquals(graded.result().check(check.id()).points(), check.points(), check::message);
            }
        }
        Finding nextStep = judged.diagnosis().findings().stream().filter(f -> f.kind().equals("failed-check")
                && f.about().equals(spec.title())).findFirst().orElseThrow();
        assertTrue(nextStep.nextStep().startsWith("Rewrite the sentences the curves contradict"),
                nextStep::nextStep);
    }

    private static CheckSpec reflectionCheck(Lab lab) {
        return lab.checks().stream().filter(check -> check.type().equals("reflection")).findFirst().orElseThrow();
    }

    private static Graded reference(String labId) {
        return REFERENCES.computeIfAbsent(labId, id -> {
            try {
                Lab lab = grader.labLoader().load(LabFolders.lab(id));
                Submission reference = LabSelfTest.reference(lab);
                Evidence[] heard = new Evidence[1];
                GradingResult result = grader.grade(lab, reference, new GradingListener() {
                    @Override
                    public void stage(Stage stage) {
                    }

                    @Override
                    public void judging(Evidence evidence) {
                        heard[0] = evidence;
                    }
                });
                assertEquals(result.maxScore(), result.score(), result.checks()::toString);
                return new Graded(lab, result, heard[0]);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
