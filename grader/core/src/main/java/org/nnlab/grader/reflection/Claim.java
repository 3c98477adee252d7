package org.nnlab.grader.reflection;

/**
 * One statement about the curves found in a reflection, and what the curves say of it.
 *
 * @param kind    the {@link ClaimKind} that read it, e.g. {@code lowest-validation-loss}
 * @param quote   the part of the sentence that makes the claim, as written
 * @param verdict supported, contradicted or not checkable
 * @param finding what the curves show, with the figures, for the student
 */
public record Claim(String kind, String quote, Verdict verdict, String finding) {

    /** @return the claim as one line of feedback */
    public String describe() {
        String label = switch (verdict) {
            case SUPPORTED -> "supported";
            case CONTRADICTED -> "contradicted";
            case NOT_CHECKABLE -> "not checkable";
        };
        return label + ": \"" + quote + "\" - " + finding;
    }
}
