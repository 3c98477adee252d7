package org.nnlab.grader.result;

import java.util.List;

/**
 * What a teaching assistant would tell the student after reading the curves, the saved networks and the checks:
 * each finding with what it rests on and, where something is wrong, the concrete next step.
 *
 * @param findings in order: each run's findings, then a next step for each failed check
 */
public record Diagnosis(List<Finding> findings) {

    /** Copies the findings; a result stored before diagnoses existed reads with none. */
    public Diagnosis {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /** @return a diagnosis with no findings */
    public static Diagnosis none() {
        return new Diagnosis(List.of());
    }

    /**
     * One finding.
     *
     * @param about       what it is about: "run A", or the title of a failed check
     * @param kind        e.g. {@code overfitting}, {@code dead-units}, {@code healthy}, {@code failed-check}
     * @param observation what was seen, with the figures
     * @param nextStep    what to change in the code, or null where nothing needs changing
     */
    public record Finding(String about, String kind, String observation, String nextStep) {
    }
}
