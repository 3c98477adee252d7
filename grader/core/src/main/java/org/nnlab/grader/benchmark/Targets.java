package org.nnlab.grader.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The performance issue's targets, as ratios of medians measured in one run: end-to-end against the in-process
 * floor, for one submission and for each queue of several queued at once; the sandboxed training against PyTorch's;
 * throughput against the bound the peer implies; the platform's start against 8 s; and the training sandbox's
 * memory. A ratio whose rows were not measured is left out.
 */
public final class Targets {
    /** The peer's training time of both models, per submission. */
    public static final String PEER_TRAINING = "peer: PyTorch training A+B (1 thread)";
    /** Submissions graded per minute with every worker busy. */
    public static final String THROUGHPUT = "throughput: submissions graded per minute";
    /** The same with no spares: the rate of a queue that outlasts them. */
    public static final String THROUGHPUT_WITHOUT_SPARES = "throughput without spares: submissions per minute";
    /** The platform's start, from {@code ./nnlab run} to the first page served. */
    public static final String PLATFORM_START = "platform: start to the first 200 (./nnlab run)";
    private static final Pattern QUEUE_ROW = Pattern.compile("scaling: (\\d+) queued: time to the last result");

    private Targets() {
    }

    /** @return the row of the time to the last result with {@code count} submissions queued at once */
    public static String queueRow(int count) {
        return "scaling: " + count + " queued: time to the last result";
    }

    /**
     * @param rows  the run's measurements
     * @param cores the cores the workers had in the throughput run, which is also the number of workers
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
        for (Samples queue : rows.rows()) {
            Matcher matcher = QUEUE_ROW.matcher(queue.name());
            int count = matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
            if (count > 1 && floor.isPresent()) {
                int rounds = (count + cores - 1) / cores;
                ratios.add(new TargetRatio(count + " queued: last result / (" + rounds + " x in-process floor)",
                        queue.median(), rounds * floor.get(), true, 1.25));
            }
        }
        Optional<Double> sandboxed = median(rows, StageRows.SANDBOX_TRAINING);
        if (sandboxed.isPresent() && peer.isPresent()) {
            ratios.add(new TargetRatio("sandboxed training / PyTorch training", sandboxed.get(), peer.get(), true,
                    1.0));
        }
        if (peer.isPresent()) {
            double bound = cores * 60_000.0 / peer.get();
            median(rows, THROUGHPUT).ifPresent(perMinute -> ratios.add(new TargetRatio("throughput / peer bound ("
                    + cores + " cores x 60 s / peer s)", perMinute, bound, false, 0.75)));
            median(rows, THROUGHPUT_WITHOUT_SPARES).ifPresent(perMinute -> ratios.add(new TargetRatio(
                    "throughput without spares / peer bound (" + cores + " cores x 60 s / peer s)", perMinute, bound,
                    false, 0.75)));
        }
        median(rows, PLATFORM_START).ifPresent(millis -> ratios.add(
                new TargetRatio("platform start to the first 200 / 8 s", millis, 8000, true, 1.0)));
        median(rows, StageRows.TRAINING_PEAK).ifPresent(megabytes -> ratios.add(
                new TargetRatio("training sandbox peak memory / 1 GB", megabytes, 1024, true, 1.0)));
        return ratios;
    }

    private static Optional<Double> median(Measurements rows, String name) {
        return rows.get(name).map(Samples::median);
    }
}
