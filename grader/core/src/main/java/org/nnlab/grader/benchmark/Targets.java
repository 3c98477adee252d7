package org.nnlab.grader.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The performance issue's targets, as ratios of medians measured in one run: end-to-end against the in-process
 * floor, DL4J against PyTorch, throughput against the bound the peer implies, and the training sandbox's memory.
 * A ratio whose rows were not measured is left out.
 */
public final class Targets {
    /** The peer's training time of both models, per submission. */
    public static final String PEER_TRAINING = "peer: PyTorch training A+B (1 thread)";
    /** Submissions graded per minute with every worker busy. */
    public static final String THROUGHPUT = "throughput: submissions graded per minute";

    private Targets() {
    }

    /**
     * @param rows  the run's measurements
     * @param cores the cores the workers had in the throughput run
     * @return the ratios whose rows were measured, in the order
     */
    public static List<TargetRatio> of(Measurements rows, int cores) {
        List<TargetRatio> ratios = new ArrayList<>();
        Optional<Double> endToEnd = median(rows, StageRows.END_TO_END);
        Optional<Double> floor = median(rows, StageRows.FLOOR_TRAINING);
        Optional<Double> peer = median(rows, PEER_TRAINING);
        if (endToEnd.isPresent() && floor.isPresent()) {
            ratios.add(new TargetRatio("end-to-end / in-process floor", endToEnd.get(), floor.get(), true, 1.25));
        }
        if (floor.isPresent() && peer.isPresent()) {
            ratios.add(new TargetRatio("in-process DL4J training / PyTorch training", floor.get(), peer.get(), true,
                    1.0));
        }
        Optional<Double> throughput = median(rows, THROUGHPUT);
        if (throughput.isPresent() && peer.isPresent()) {
            double bound = cores * 60_000.0 / peer.get();
            ratios.add(new TargetRatio("throughput / peer bound (" + cores + " cores x 60 s / peer s)",
                    throughput.get(), bound, false, 0.75));
        }
        median(rows, StageRows.TRAINING_PEAK).ifPresent(megabytes -> ratios.add(
                new TargetRatio("training sandbox peak memory / 1 GB", megabytes, 1024, true, 1.0)));
        return ratios;
    }

    private static Optional<Double> median(Measurements rows, String name) {
        return rows.get(name).map(Samples::median);
    }
}
