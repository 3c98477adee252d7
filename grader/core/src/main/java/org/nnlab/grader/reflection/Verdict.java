package org.nnlab.grader.reflection;

/** What the curves say of a claim. */
public enum Verdict {
    /** The curves show what the claim says. */
    SUPPORTED,
    /** The curves show otherwise; the claim's finding gives the figure. */
    CONTRADICTED,
    /** The claim was read but the curves cannot settle it, e.g. no run is named or the effect is within noise. */
    NOT_CHECKABLE
}
