package org.nnlab.grader.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnlab.grader.lab.Fields;

/**
 * The runs of a grid search cover a full grid: each takes one of {@code learningRates} distinct learning rates and
 * one of {@code weightDecays} distinct weight decays, and every combination appears exactly once, as their saved
 * networks declare (see {@link Hyperparameters}). Values closer than a relative 1e-9 count as equal. Which values
 * the grid holds is the lab's to prescribe in its instructions; this check judges the layout only.
 */
public final class GridSearchCheck implements Check {

    /** The {@code grid-search} check type. */
    public static final CheckType TYPE = new SimpleCheckType("grid-search",
            "a grid search's runs hold every combination of some learning rates and weight decays exactly once; "
                    + "params: runs, learningRates and weightDecays (how many distinct values of each; their product "
                    + "is the number of runs)", GridSearchCheck::create);

    private static final double SAME = 1e-9;

    private final List<String> runs;
    private final int learningRates;
    private final int weightDecays;

    private GridSearchCheck(List<String> runs, int learningRates, int weightDecays) {
        this.runs = runs;
        this.learningRates = learningRates;
        this.weightDecays = weightDecays;
    }

    private static Check create(Fields params) {
        List<String> runs = params.strings("runs");
        int learningRates = params.integer("learningRates", 1);
        int weightDecays = params.integer("weightDecays", 1);
        if (runs.size() != learningRates * weightDecays || runs.stream().distinct().count() != runs.size()) {
            throw params.invalid("runs", "must name " + learningRates + " x " + weightDecays + " = "
                    + learningRates * weightDecays + " different runs, one per combination");
        }
        Check check = new GridSearchCheck(runs, learningRates, weightDecays);
        params.finish();
        return check;
    }

    @Override
    public CheckOutcome evaluate(Evidence evidence) {
        Map<String, Hyperparameters> grid = new LinkedHashMap<>();
        for (String name : runs) {
            Hyperparameters hyperparameters = evidence.run(name).flatMap(Hyperparameters::of).orElse(null);
            if (hyperparameters == null) {
                return CheckOutcome.fail("Run " + name + " has no saved network whose learning rate and weight decay "
                        + "could be read.");
            }
            grid.put(name, hyperparameters);
        }
        String shape = learningRates + " x " + weightDecays + " grid";
        List<String> problems = new ArrayList<>();
        List<Double> rates = distinct(grid.values().stream().map(Hyperparameters::learningRate).toList());
        if (rates.size() != learningRates) {
            problems.add("The runs have " + rates.size() + " different learning rates (" + show(rates) + "); a "
                    + shape + " has " + learningRates + ".");
        }
        List<Double> decays = distinct(grid.values().stream().map(Hyperparameters::weightDecay).toList());
        if (decays.size() != weightDecays) {
            problems.add("The runs have " + decays.size() + " different weight decays (" + show(decays) + "); a "
                    + shape + " has " + weightDecays + ".");
        }
        List<String> names = List.copyOf(grid.keySet());
        for (int i = 0; i < names.size() && problems.isEmpty(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                if (same(grid.get(names.get(i)), grid.get(names.get(j)))) {
                    problems.add("Runs " + names.get(i) + " and " + names.get(j) + " both train with "
                            + grid.get(names.get(i)) + ", so another combination of the grid is missing.");
                    break;
                }
            }
        }
        if (problems.isEmpty()) {
            return CheckOutcome.pass("The runs cover the " + shape + " of learning rates " + show(rates)
                    + " and weight decays " + show(decays) + ", each combination once.");
        }
        return CheckOutcome.fail(String.join(" ", problems) + " Train every combination of the grid's learning rates "
                + "and weight decays exactly once.");
    }

    private static List<Double> distinct(List<Double> values) {
        List<Double> distinct = new ArrayList<>();
        for (double value : values.stream().sorted().toList()) {
            if (distinct.isEmpty() || !Numbers.close(value, distinct.get(distinct.size() - 1), SAME)) {
                distinct.add(value);
            }
        }
        return distinct;
    }

    private static boolean same(Hyperparameters a, Hyperparameters b) {
        return Numbers.close(a.learningRate(), b.learningRate(), SAME)
                && Numbers.close(a.weightDecay(), b.weightDecay(), SAME);
    }

    private static String show(List<Double> values) {
        return String.join(", ", values.stream().map(Numbers::show).toList());
    }
}
