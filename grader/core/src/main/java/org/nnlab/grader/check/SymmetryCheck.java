package org.nnlab.grader.check;

import java.util.List;
import org.nnlab.grader.lab.Fields;
import org.nnlab.protocol.LayerSymmetry;

/**
 * Whether a run's saved network broke the symmetry between the units of its hidden layers, as the evaluation
 * sandbox counted them: units whose incoming weights and bias are equal within 1e-6 count as one.
 * <ul>
 *   <li>{@code broken: false}: every hidden layer has exactly one distinct unit, as an initialization with equal
 *       weights (e.g. all zeros) leaves it for good, since equal units get equal gradients;</li>
 *   <li>{@code broken: true}: every unit of every hidden layer is distinct, as a random initialization leaves it.</li>
 * </ul>
 * Parameters: {@code run}, {@code broken} (true or false). It judges the saved network only, never the recorded
 * curves.
 */
public final class SymmetryCheck implements Check {

    /** The {@code symmetry} check type. */
    public static final CheckType TYPE = new SimpleCheckType("symmetry",
            "the hidden units of a run's saved network, counted by the grader (equal incoming weights and bias "
                    + "count as one unit): broken: false asks for one distinct unit per hidden layer (symmetry never "
                    + "broken), broken: true for every unit distinct; params: run, broken", SymmetryCheck::create);

    private final String run;
    private final boolean broken;

    private SymmetryCheck(String run, boolean broken) {
        this.run = run;
        this.broken = broken;
    }

    private static Check create(Fields params) {
        String run = params.string("run");
        if (!params.has("broken")) {
            throw params.invalid("broken", "is missing");
        }
        Check check = new SymmetryCheck(run, params.bool("broken", false));
        params.finish();
        return check;
    }

    @Override
    public CheckOutcome evaluate(Evidence evidence) {
        RunEvidence evidenceOfRun = evidence.run(run).orElse(null);
        List<LayerSymmetry> hidden = evidenceOfRun == null ? List.of()
                : evidenceOfRun.symmetry().stream().filter(LayerSymmetry::hidden).toList();
        if (hidden.isEmpty()) {
            return CheckOutcome.fail("Run " + run + " has no saved network whose hidden layers the grader could "
                    + "count" + (evidenceOfRun == null || evidenceOfRun.problem() == null ? ""
                    : " (" + evidenceOfRun.problem() + ")") + ".");
        }
        List<LayerSymmetry> wrong = hidden.stream()
                .filter(layer -> broken ? !layer.allDistinct() : !layer.allIdentical()).toList();
        String counts = String.join(", ", hidden.stream().map(layer -> "layer " + layer.layer() + ": "
                + layer.distinctUnits() + " of " + layer.units()).toList());
        if (wrong.isEmpty()) {
            return CheckOutcome.pass("Run " + run + "'s saved network has " + (broken
                    ? "every hidden unit distinct" : "one distinct unit in each hidden layer: its hidden units are "
                    + "copies of each other, the symmetry was never broken") + " (distinct units per hidden layer: "
                    + counts + ").");
        }
        return CheckOutcome.fail("Run " + run + "'s saved network has " + counts + " distinct hidden units; expected "
                + (broken ? "every unit distinct. Units that are copies of each other learn the same thing: "
                + "initialize the weights randomly (e.g. WeightInit.RELU for He) so that no two units start equal."
                : "a single distinct unit per layer, as an initialization with all weights equal (WeightInit.ZERO) "
                + "leaves it. Initialize this run's weights to zeros."));
    }
}
