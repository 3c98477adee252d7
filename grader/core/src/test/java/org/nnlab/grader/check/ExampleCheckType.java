package org.nnlab.grader.check;

import org.nnlab.grader.lab.Fields;

/** A check type from outside the built-in catalogue, as a lab's extension jar would bring one. */
public final class ExampleCheckType implements CheckType {

    @Override
    public String name() {
        return "example-reported";
    }

    @Override
    public String description() {
        return "a value the solution reported is present; params: key";
    }

    @Override
    public Check create(Fields params) {
        String key = params.string("key");
        params.finish();
        return evidence -> evidence.reported().containsKey(key) ? CheckOutcome.pass("Reported " + key + ".")
                : CheckOutcome.fail("Nothing reported as " + key + ".");
    }
}
