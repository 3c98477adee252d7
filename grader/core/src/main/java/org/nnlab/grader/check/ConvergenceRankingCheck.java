package org.nnlab.grader.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.nnlab.grader.lab.Fields;
import org.nnlab.protocol.EpochRecord;

/**
 * The solution ranks runs by how fast they converge, and the ranking agrees with the recorded curves. A run's speed
 * is the first epoch whose validation loss is at most the lab's {@code level}; the solution reports each run's rank
 * as {@code ctx.report(keyPrefix + run, rank)}. Ranks are standard competition ranks ("1224"): a run's rank is one
 * more than the number of runs that reach the level in strictly fewer epochs, so runs that reach it at the same epoch
 * share a rank, and runs that never reach it share the last rank. Credit is the share of runs ranked correctly.
 */
public final class ConvergenceRankingCheck implements Check {

    /** The {@code convergence-ranking} check type. */
    public static final CheckType TYPE = new SimpleCheckType("convergence-ranking",
            "the reported ranks of runs by epochs to reach a validation loss agree with the recorded curves "
                    + "(competition ranks, ties share a rank, runs that never reach it rank last); params: runs, "
                    + "level (validation loss), keyPrefix (default rank., so rank.RUN = 1, 2, ...)",
            ConvergenceRankingCheck::create);

    private final List<String> runs;
    private final double level;
    private final String keyPrefix;

    private ConvergenceRankingCheck(List<String> runs, double level, String keyPrefix) {
        this.runs = runs;
        this.level = level;
        this.keyPrefix = keyPrefix;
    }

    private static Check create(Fields params) {
        List<String> runs = params.strings("runs");
        if (runs.size() < 2 || runs.stream().distinct().count() != runs.size()) {
            throw params.invalid("runs", "must name at least two different runs to rank");
        }
        Check check = new ConvergenceRankingCheck(runs, params.number("level", 0, Double.MAX_VALUE),
                params.string("keyPrefix", "rank."));
        params.finish();
        return check;
    }

    @Override
    public CheckOutcome evaluate(Evidence evidence) {
        Map<String, OptionalInt> reach = new LinkedHashMap<>();
        for (String run : runs) {
            List<EpochRecord> epochs = evidence.run(run).map(RunEvidence::epochs).orElse(List.of());
            if (epochs.isEmpty()) {
                return CheckOutcome.fail("Run " + run + " recorded no epoch, so the runs cannot be ranked.");
            }
            reach.put(run, epochsToReach(epochs));
        }
        List<String> wrong = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String run : runs) {
            int expected = rank(run, reach);
            Double reported = evidence.reported().get(keyPrefix + run);
            if (reported == null) {
                missing.add(keyPrefix + run);
            } else if (reported != expected) {
                wrong.add(keyPrefix + run + " = " + Numbers.show(reported) + ", but " + run + " " + reached(reach
                        .get(run)) + ", which ranks " + expected + ".");
            }
        }
        String measured = measured(reach);
        if (wrong.isEmpty() && missing.isEmpty()) {
            return CheckOutcome.pass("Your ranking matches the curves: " + measured);
        }
        List<String> problems = new ArrayList<>(wrong);
        if (!missing.isEmpty()) {
            problems.add("No rank was reported for " + String.join(", ", missing) + ": call ctx.report(\""
                    + missing.get(0) + "\", rank).");
        }
        return CheckOutcome.partial((double) (runs.size() - wrong.size() - missing.size()) / runs.size(),
                String.join(" ", problems) + " Rank by the first epoch whose validation loss is at most "
                        + Numbers.show(level) + " (1 = fastest; equal epochs share a rank, the next rank is skipped; "
                        + "runs that never reach it share the last rank). Measured: " + measured);
    }

    /** @return the first epoch whose validation loss is at most the level, if any */
    private OptionalInt epochsToReach(List<EpochRecord> epochs) {
        return epochs.stream().filter(e -> e.validationLoss() <= level).mapToInt(EpochRecord::epoch).findFirst();
    }

    /** @return one more than the number of runs that reach the level in strictly fewer epochs */
    private static int rank(String run, Map<String, OptionalInt> reach) {
        int own = reach.get(run).orElse(Integer.MAX_VALUE);
        return 1 + (int) reach.values().stream().filter(other -> other.orElse(Integer.MAX_VALUE) < own).count();
    }

    private String reached(OptionalInt epoch) {
        return epoch.isPresent() ? "reaches validation loss " + Numbers.show(level) + " at epoch " + epoch.getAsInt()
                : "never reaches validation loss " + Numbers.show(level);
    }

    private String measured(Map<String, OptionalInt> reach) {
        List<String> parts = new ArrayList<>();
        reach.forEach((run, epoch) -> parts.add(run + " " + (epoch.isPresent() ? "epoch " + epoch.getAsInt()
                : "never") + " (rank " + rank(run, reach) + ")"));
        return "validation loss " + Numbers.show(level) + " reached at " + String.join(", ", parts) + ".";
    }

    @Override
    public boolean usesRecordedCurves() {
        return true;
    }
}
