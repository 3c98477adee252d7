package org.nnlab.kit;

import org.nnlab.api.LabContext;
import org.nnlab.api.LabSolution;

/** A solution whose {@code train} throws from a method of its own. */
public class ThrowingSolution implements LabSolution {

    @Override
    public void train(LabContext ctx) {
        fail(ctx.intParam("epochs"));
    }

    private static void fail(int epochs) {
        throw new IllegalStateException("cannot train " + epochs + " epochs");
    }
}
