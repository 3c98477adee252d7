package org.nnlab.grader.check;

/** One configured check of a lab, created by its {@link CheckType} from the lab file's parameters. */
public interface Check {

    /** @return the judgement of the evidence */
    CheckOutcome evaluate(Evidence evidence);

    /**
     * @return whether this check trusts the curves the harness recorded; such checks score nothing when the curves
     *     contradict the grader's own measurements
     */
    default boolean usesRecordedCurves() {
        return false;
    }

    /** @return whether this check is the gate: when it fails, no other check scores */
    default boolean isGate() {
        return false;
    }
}
