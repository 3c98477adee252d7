package org.nnlab.grader.check;

import java.util.List;
import org.nnlab.grader.lab.Fields;
import org.nnlab.grader.network.LayerDescription;

/** Two runs' networks have the same layer types, sizes and activations, so that only the training differs. */
public final class SameArchitectureCheck implements Check {

    /** The {@code same-architecture} check type: {@code runs} (two names, the first is the baseline). */
    public static final CheckType TYPE = new SimpleCheckType("same-architecture",
            "two runs' layers have the same types, sizes and activations; params: runs (baseline first)",
            SameArchitectureCheck::create);

    private final String baseline;
    private final String other;

    private SameArchitectureCheck(String baseline, String other) {
        this.baseline = baseline;
        this.other = other;
    }

    private static Check create(Fields params) {
        List<String> runs = params.strings("runs");
        if (runs.size() != 2) {
            throw params.invalid("runs", "must name exactly two runs");
        }
        params.finish();
        return new SameArchitectureCheck(runs.get(0), runs.get(1));
    }

    @Override
    public CheckOutcome evaluate(Evidence evidence) {
        RunEvidence a = evidence.run(baseline).orElse(null);
        RunEvidence b = evidence.run(other).orElse(null);
        if (a == null || b == null || a.network() == null || b.network() == null) {
            return CheckOutcome.fail("Runs " + baseline + " and " + other + " both need a saved network to compare.");
        }
        List<LayerDescription> left = a.network().layers();
        List<LayerDescription> right = b.network().layers();
        if (left.size() != right.size()) {
            return CheckOutcome.fail("Run " + other + " has " + right.size() + " layers (" + shape(right) + "); run "
                    + baseline + " has " + left.size() + " (" + shape(left) + "). Use the same architecture so that "
                    + "the comparison shows the effect of regularization alone.");
        }
        for (int i = 0; i < left.size(); i++) {
            if (!describe(left.get(i)).equals(describe(right.get(i)))) {
                return CheckOutcome.fail("Layer " + i + " differs: run " + baseline + " has " + describe(left.get(i))
                        + ", run " + other + " has " + describe(right.get(i)) + ". Use the same architecture so that "
                        + "the comparison shows the effect of regularization alone.");
            }
        }
        return CheckOutcome.pass("Runs " + baseline + " and " + other + " share the architecture " + shape(left) + ".");
    }

    private static String describe(LayerDescription layer) {
        return layer.type() + " " + layer.inputs() + "->" + layer.outputs() + " " + layer.activation();
    }

    private static String shape(List<LayerDescription> layers) {
        StringBuilder text = new StringBuilder();
        for (LayerDescription layer : layers) {
            if (text.length() == 0) {
                text.append(layer.inputs());
            }
            text.append('-').append(layer.outputs());
        }
        return text.toString();
    }
}
