package org.nnlab.grader.check;

import java.util.ArrayList;
import java.util.List;
import org.nnlab.grader.lab.Fields;
import org.nnlab.protocol.EpochRecord;

/**
 * The configuration the solution reports as the best of a search is that of the best run recorded. Each run is
 * scored by a metric of its recorded curve, at its last epoch or its best epoch; the best run has the highest
 * accuracy or the lowest loss (runs with exactly equal scores are all best). The solution reports the learning rate
 * and weight decay of its best run as {@code keyPrefix + "learningRate"} and {@code keyPrefix + "weightDecay"}, and
 * the check compares them with what the best run's saved network declares (see {@link Hyperparameters}). Half the
 * points for each of the two.
 */
public final class BestRunCheck implements Check {

    /** The {@code best-run} check type. */
    public static final CheckType TYPE = new SimpleCheckType("best-run",
            "the reported learning rate and weight decay are those of the best of some runs, read from its saved "
                    + "network; params: runs, metric (validationAccuracy: highest, or validationLoss: lowest), "
                    + "at (last or best epoch; default last), keyPrefix (default best., so best.learningRate and "
                    + "best.weightDecay), relativeTolerance (default 1e-6)", BestRunCheck::create);

    private final List<String> runs;
    private final String metric;
    private final boolean atBestEpoch;
    private final String keyPrefix;
    private final double tolerance;

    private BestRunCheck(List<String> runs, String metric, boolean atBestEpoch, String keyPrefix, double tolerance) {
        this.runs = runs;
        this.metric = metric;
        this.atBestEpoch = atBestEpoch;
        this.keyPrefix = keyPrefix;
        this.tolerance = tolerance;
    }

    private static Check create(Fields params) {
        List<String> runs = params.strings("runs");
        String metric = params.string("metric");
        if (!metric.equals("validationAccuracy") && !metric.equals("validationLoss")) {
            throw params.invalid("metric", "must be validationAccuracy or validationLoss");
        }
        String at = params.string("at", "last");
        if (!at.equals("last") && !at.equals("best")) {
            throw params.invalid("at", "must be last or best");
        }
        Check check = new BestRunCheck(runs, metric, at.equals("best"), params.string("keyPrefix", "best."),
                params.number("relativeTolerance", 0, 1, 1e-6));
        params.finish();
        return check;
    }

    @Override
    public CheckOutcome evaluate(Evidence evidence) {
        List<Candidate> candidates = new ArrayList<>();
        for (String name : runs) {
            RunEvidence run = evidence.run(name).orElse(null);
            if (run == null || run.epochs().isEmpty()) {
                return CheckOutcome.fail("Run " + name + " recorded no epoch, so the best run cannot be found.");
            }
            Hyperparameters hyperparameters = Hyperparameters.of(run).orElse(null);
            if (hyperparameters == null) {
                return CheckOutcome.fail("Run " + name + " has no saved network with a learning rate to compare.");
            }
            candidates.add(new Candidate(name, score(run.epochs()), hyperparameters));
        }
        Double learningRate = evidence.reported().get(keyPrefix + "learningRate");
        Double weightDecay = evidence.reported().get(keyPrefix + "weightDecay");
        if (learningRate == null || weightDecay == null) {
            String key = keyPrefix + (learningRate == null ? "learningRate" : "weightDecay");
            return CheckOutcome.fail("No value was reported for " + key + ": call ctx.report(\"" + key
                    + "\", value) with the hyperparameters of your best run.");
        }
        Hyperparameters reported = new Hyperparameters(learningRate, weightDecay);
        double bestScore = candidates.stream().mapToDouble(Candidate::score)
                .reduce(higherIsBetter() ? Math::max : Math::min).orElseThrow();
        List<Candidate> best = candidates.stream().filter(c -> c.score() == bestScore).toList();
        double fraction = best.stream().mapToDouble(c -> agreement(reported, c.hyperparameters())).max().orElse(0);
        String bestRuns = describe(best);
        if (fraction == 1) {
            return CheckOutcome.pass("The reported " + reported + " is that of the best run: " + bestRuns + ".");
        }
        String whose = candidates.stream().filter(c -> agreement(reported, c.hyperparameters()) == 1).findFirst()
                .map(c -> "that of run " + c.name() + ", whose " + scoreName() + " is " + Numbers.show(c.score()))
                .orElse("not that of any of the runs");
        return CheckOutcome.partial(fraction, "The reported " + reported + " is " + whose + "; the best is "
                + bestRuns + ". Compare the runs by their " + scoreName() + " (the "
                + (higherIsBetter() ? "highest" : "lowest") + " wins) and report the hyperparameters the best run "
                + "was trained with.");
    }

    private double score(List<EpochRecord> epochs) {
        if (!atBestEpoch) {
            return value(epochs.get(epochs.size() - 1));
        }
        return epochs.stream().mapToDouble(this::value).reduce(higherIsBetter() ? Math::max : Math::min).orElseThrow();
    }

    private double value(EpochRecord epoch) {
        return metric.equals("validationAccuracy") ? epoch.validationAccuracy() : epoch.validationLoss();
    }

    private boolean higherIsBetter() {
        return metric.equals("validationAccuracy");
    }

    private String scoreName() {
        return (atBestEpoch ? "best " : "last epoch's ") + metric;
    }

    /** @return 1 when both hyperparameters agree, 0.5 when one does, 0 when neither does */
    private double agreement(Hyperparameters reported, Hyperparameters actual) {
        return (Numbers.close(reported.learningRate(), actual.learningRate(), tolerance) ? 0.5 : 0)
                + (Numbers.close(reported.weightDecay(), actual.weightDecay(), tolerance) ? 0.5 : 0);
    }

    private String describe(List<Candidate> best) {
        return String.join(" or ", best.stream().map(c -> "run " + c.name() + " (" + c.hyperparameters()
                + ") with a " + scoreName() + " of " + Numbers.show(c.score())).toList());
    }

    @Override
    public boolean usesRecordedCurves() {
        return true;
    }

    /** A run with its score and the hyperparameters its network declares. */
    private record Candidate(String name, double score, Hyperparameters hyperparameters) {
    }
}
