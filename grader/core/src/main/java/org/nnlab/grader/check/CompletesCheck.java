package org.nnlab.grader.check;

import org.nnlab.grader.lab.Fields;

/** The gate: the submission compiled and {@code train} returned within the limits. Nothing else scores otherwise. */
public final class CompletesCheck implements Check {

    /** The {@code completes} check type; it takes no parameters. */
    public static final CheckType TYPE = new SimpleCheckType("completes",
            "gate: the code compiles and train() completes within the limits; no parameters", CompletesCheck::create);

    private static Check create(Fields params) {
        params.finish();
        return new CompletesCheck();
    }

    @Override
    public CheckOutcome evaluate(Evidence evidence) {
        return evidence.completed() ? CheckOutcome.pass("The code compiled and train() completed.")
                : CheckOutcome.fail(evidence.failure());
    }

    @Override
    public boolean isGate() {
        return true;
    }
}
