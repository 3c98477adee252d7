package org.nnlab.grader.check;

import java.util.List;
import org.nnlab.grader.lab.Fields;
import org.nnlab.protocol.EpochRecord;

/**
 * A run's recorded learning rates follow a schedule's formula at every epoch, within a relative tolerance. The
 * harness records, at each {@code endEpoch()}, the rate the updater holds then: the rate of the epoch just trained
 * when the solution sets it before that epoch's training. Epoch 1 is {@code t = 0} of the formula.
 *
 * <p>Parameters: {@code run}; {@code schedule}, one of
 * <ul>
 *   <li>{@code step}: {@code baseRate}, {@code stepSize} (epochs), {@code gamma}:
 *       {@code baseRate * gamma^floor(t / stepSize)};</li>
 *   <li>{@code exponential}: {@code baseRate}, {@code decay}: {@code baseRate * e^(-decay t)};</li>
 *   <li>{@code cosine}: {@code baseRate}, {@code minRate}, {@code tMax} (epochs):
 *       {@code minRate + (baseRate - minRate)/2 * (1 + cos(pi min(t, tMax) / tMax))};</li>
 *   <li>{@code warmup}: {@code targetRate}, {@code warmupEpochs}: {@code targetRate * min(1, (t + 1) / warmupEpochs)},
 *       from a small rate up to the target, reached at epoch {@code warmupEpochs}, then constant;</li>
 * </ul>
 * and {@code relativeTolerance} (default 1e-6).
 */
public final class ScheduleTraceCheck implements Check {

    /** The {@code schedule-trace} check type. */
    public static final CheckType TYPE = new SimpleCheckType("schedule-trace",
            "a run's recorded learning rate follows a schedule of the epoch index t (0 for epoch 1) at every epoch; "
                    + "params: run, schedule (step: baseRate, stepSize, gamma; exponential: baseRate, decay; cosine: "
                    + "baseRate, minRate, tMax; warmup: targetRate, warmupEpochs), relativeTolerance (default 1e-6)",
            ScheduleTraceCheck::create);
    private static final double ABSOLUTE_TOLERANCE = 1e-12;

    private final String run;
    private final LearningRateSchedule schedule;
    private final double tolerance;

    private ScheduleTraceCheck(String run, LearningRateSchedule schedule, double tolerance) {
        this.run = run;
        this.schedule = schedule;
        this.tolerance = tolerance;
    }

    private static Check create(Fields params) {
        Check check = new ScheduleTraceCheck(params.string("run"), LearningRateSchedule.read(params),
                params.number("relativeTolerance", 0, 1, 1e-6));
        params.finish();
        return check;
    }

    @Override
    public CheckOutcome evaluate(Evidence evidence) {
        List<Double> rates = evidence.run(run).map(RunEvidence::epochs).orElse(List.of()).stream()
                .map(EpochRecord::learningRate).toList();
        if (rates.size() < schedule.epochsToShow()) {
            return CheckOutcome.fail("Run " + run + " recorded " + rates.size() + " epoch(s); its " + schedule.formula()
                    + " shows from " + schedule.epochsToShow() + " epochs on. Call endEpoch() after each epoch.");
        }
        int mismatch = firstMismatch(rates, 0, 0);
        if (mismatch < 0) {
            return CheckOutcome.pass("Run " + run + " follows the " + schedule.formula() + " at all " + rates.size()
                    + " epochs (t = 0 at epoch 1), from " + Numbers.show(rates.get(0)) + " to "
                    + Numbers.show(rates.get(rates.size() - 1)) + ".");
        }
        String found = "Run " + run + ", epoch " + (mismatch + 1) + " (t = " + mismatch + "): the learning rate was "
                + Numbers.show(rates.get(mismatch)) + "; the " + schedule.formula() + " gives "
                + Numbers.show(schedule.rate(mismatch)) + ".";
        if (firstMismatch(rates, 0, 1) < 0) {
            return CheckOutcome.fail(found + " The whole trace is one epoch ahead: endEpoch() records the rate the "
                    + "network holds when it is called, which must be the rate it trained with. Set the rate of epoch "
                    + "t with network.setLearningRate(...) before that epoch's fit(), counting t from 0.");
        }
        if (firstMismatch(rates, 1, -1) < 0) {
            return CheckOutcome.fail(found + " The trace is one epoch behind: the first epoch is t = 0. Set the rate "
                    + "of epoch t with network.setLearningRate(...) before that epoch's fit().");
        }
        return CheckOutcome.fail(found + " Compute the rate of each epoch from t = 0, 1, 2, ... with the lab's "
                + "parameters (ctx.doubleParam, ctx.intParam) and set it before the epoch's fit().");
    }

    /**
     * @return the first index {@code i >= from} whose rate differs from the formula at {@code t = i + shift}, or -1
     *     when every rate from {@code from} on matches
     */
    private int firstMismatch(List<Double> rates, int from, int shift) {
        for (int i = from; i < rates.size(); i++) {
            double expected = schedule.rate(i + shift);
            double actual = rates.get(i);
            if (!(Math.abs(actual - expected) <= Math.max(tolerance * Math.abs(expected), ABSOLUTE_TOLERANCE))) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean usesRecordedCurves() {
        return true;
    }
}
