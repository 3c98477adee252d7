package org.nnlab.grader.check;

import java.util.ArrayList;
import java.util.List;
import org.nnlab.grader.lab.Fields;
import org.nnlab.grader.network.LayerDescription;
import org.nnlab.grader.network.RegularizationTerm;

/**
 * A run's network has weight decay (or L2) of the expected coefficient and dropout of the expected drop
 * probability. Knows DL4J's traps: {@code dropOut(x)} takes the probability to RETAIN, and in 1.0.0-M2.1 the global
 * {@code NeuralNetConfiguration.Builder.weightDecay(x)} lists weight decay twice on each layer, doubling it.
 * Half the points for each of the two. It judges the configuration the run trained with where the harness recorded
 * it (regularization put on the configuration after training did nothing), else the saved one.
 */
public final class RegularizationCheck implements Check {

    /** The {@code regularization} check type. */
    public static final CheckType TYPE = new SimpleCheckType("regularization",
            "a run has weight decay or L2 of a coefficient and dropout of a drop probability; params: run, "
                    + "weightDecay, dropProbability, relativeTolerance (default 1e-6)", RegularizationCheck::create);

    private final String run;
    private final double weightDecay;
    private final double dropProbability;
    private final double tolerance;

    private RegularizationCheck(String run, double weightDecay, double dropProbability, double tolerance) {
        this.run = run;
        this.weightDecay = weightDecay;
        this.dropProbability = dropProbability;
        this.tolerance = tolerance;
    }

    private static Check create(Fields params) {
        Check check = new RegularizationCheck(params.string("run"), params.number("weightDecay", 0, 1),
                params.number("dropProbability", 0, 0.99), params.number("relativeTolerance", 0, 1, 1e-6));
        params.finish();
        return check;
    }

    @Override
    public CheckOutcome evaluate(Evidence evidence) {
        RunEvidence evidenceOfRun = evidence.run(run).orElse(null);
        if (evidenceOfRun == null || evidenceOfRun.network() == null) {
            return CheckOutcome.fail("Run " + run + " has no saved network whose regularization could be checked.");
        }
        List<LayerDescription> layers = evidenceOfRun.trainedOrSavedNetwork().layers();
        String decay = weightDecayProblem(layers);
        String dropout = dropoutProblem(layers);
        if (decay == null && dropout == null) {
            return CheckOutcome.pass("Run " + run + " has weight decay " + Numbers.show(weightDecay)
                    + " and dropout with drop probability " + Numbers.show(dropProbability) + ".");
        }
        List<String> problems = new ArrayList<>();
        if (decay != null) {
            problems.add(decay);
        }
        if (dropout != null) {
            problems.add(dropout);
        }
        return CheckOutcome.partial((decay == null ? 0.5 : 0) + (dropout == null ? 0.5 : 0),
                "Run " + run + ": " + String.join(" ", problems));
    }

    private String weightDecayProblem(List<LayerDescription> layers) {
        boolean found = false;
        for (int i = 0; i < layers.size(); i++) {
            List<RegularizationTerm> terms = layers.get(i).regularization();
            long decays = terms.stream().filter(t -> t.type().equals("WeightDecay")).count();
            if (decays > 1) {
                double effective = terms.stream().filter(t -> t.type().equals("WeightDecay"))
                        .mapToDouble(RegularizationTerm::coefficient).sum();
                return "layer " + i + " lists WeightDecay " + decays + " times, so the effective coefficient is "
                        + Numbers.show(effective) + ", not " + Numbers.show(weightDecay) + ". DL4J 1.0.0-M2.1's global "
                        + "NeuralNetConfiguration.Builder.weightDecay(x) applies it twice; set it on each layer "
                        + "instead: .regularization(List.of(new WeightDecay(" + Numbers.show(weightDecay)
                        + ", true))).";
            }
            for (RegularizationTerm term : terms) {
                switch (term.type()) {
                    case "WeightDecay", "L2" -> {
                        if (!Numbers.close(term.coefficient(), weightDecay, tolerance)) {
                            return "found " + term.type() + " " + Numbers.show(term.coefficient()) + " on layer " + i
                                    + "; expected " + Numbers.show(weightDecay) + ".";
                        }
                        found = true;
                    }
                    case "L1" -> {
                        return "found L1 regularization (" + Numbers.show(term.coefficient()) + ") on layer " + i
                                + "; expected weight decay or L2. L1 penalizes |w| and drives weights to exactly zero "
                                + "(sparsity); weight decay shrinks every weight in proportion to its size.";
                    }
                    default -> {
                        return "found " + term.type() + " on layer " + i + "; expected weight decay or L2.";
                    }
                }
            }
        }
        return found ? null : "found no weight decay or L2; expected a coefficient of " + Numbers.show(weightDecay)
                + " on the layers, e.g. .regularization(List.of(new WeightDecay(" + Numbers.show(weightDecay)
                + ", true))).";
    }

    private String dropoutProblem(List<LayerDescription> layers) {
        double retain = 1 - dropProbability;
        boolean found = false;
        for (int i = 0; i < layers.size(); i++) {
            LayerDescription layer = layers.get(i);
            if (!layer.hasDropout()) {
                continue;
            }
            if (!layer.dropoutType().equals("Dropout")) {
                return "found " + layer.dropoutType() + " on layer " + i + "; expected standard Dropout.";
            }
            if (Numbers.close(layer.retainProbability(), dropProbability, tolerance) && dropProbability != retain) {
                return "found dropOut(" + Numbers.show(layer.retainProbability()) + ") on layer " + i + ". DL4J's "
                        + "dropOut(x) takes the probability to RETAIN an activation: dropOut("
                        + Numbers.show(layer.retainProbability()) + ") keeps only "
                        + Numbers.percent(layer.retainProbability()) + " and drops "
                        + Numbers.percent(1 - layer.retainProbability()) + ". For a drop probability of "
                        + Numbers.show(dropProbability) + " write dropOut(" + Numbers.show(retain) + ").";
            }
            if (!Numbers.close(layer.retainProbability(), retain, tolerance)) {
                return "found dropOut(" + Numbers.show(layer.retainProbability()) + ") on layer " + i
                        + ", a drop probability of " + Numbers.show(1 - layer.retainProbability()) + "; expected "
                        + Numbers.show(dropProbability) + ", which is dropOut(" + Numbers.show(retain)
                        + ") in DL4J (it takes the probability to retain).";
            }
            found = true;
        }
        return found ? null : "found no dropout; expected a drop probability of " + Numbers.show(dropProbability)
                + ", which is .dropOut(" + Numbers.show(retain) + ") on the layers after the hidden layers (DL4J applies "
                + "a layer's dropout to its input).";
    }
}
