package org.nnlab.grader.diagnosis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.nnlab.grader.check.Evidence;
import org.nnlab.grader.check.RunEvidence;
import org.nnlab.grader.lab.CheckSpec;
import org.nnlab.grader.result.CheckResult;
import org.nnlab.grader.result.Diagnosis;
import org.nnlab.grader.result.Diagnosis.Finding;

/**
 * Writes the diagnosis of a graded submission: what each run's curves and saved network show, then, for each failed
 * check, the concrete next step: the lab's own {@code fix} where it gives one, else the check type's general advice.
 */
public final class Diagnoser {
    private static final int OBSERVATION_CHARS = 300;

    private Diagnoser() {
    }

    /**
     * @param evidence what the checks judged
     * @param specs    the lab's checks, in order
     * @param results  their results, in the same order
     * @return the diagnosis
     */
    public static Diagnosis diagnose(Evidence evidence, List<CheckSpec> specs, List<CheckResult> results) {
        List<Finding> findings = new ArrayList<>();
        evidence.runs().values().stream().sorted(Comparator.comparing(RunEvidence::name))
                .forEach(run -> findings.addAll(RunDiagnoser.diagnose(run)));
        for (int i = 0; i < specs.size(); i++) {
            CheckResult result = results.get(i);
            if (result.passed() || result.message().startsWith("Not graded:")
                    || result.message().startsWith("Not scored:")) {
                continue;
            }
            CheckSpec spec = specs.get(i);
            findings.add(new Finding(spec.title(), "failed-check", firstLine(result.message()),
                    spec.fix() != null ? spec.fix() : NextSteps.forType(spec.type())));
        }
        return new Diagnosis(findings);
    }

    private static String firstLine(String message) {
        String line = message.lines().findFirst().orElse("");
        return line.length() <= OBSERVATION_CHARS ? line : line.substring(0, OBSERVATION_CHARS - 3) + "...";
    }
}
