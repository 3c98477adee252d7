package org.nnlab.api;

/**
 * A student's solution to a lab. The lab names the class that implements it (by default {@code Solution} in the
 * default package); nnlab creates it with its public no-argument constructor and calls {@link #train} once.
 *
 * <pre>{@code
 * public class Solution implements LabSolution {
 *     public void train(LabContext ctx) throws Exception {
 *         MultiLayerNetwork net = new MultiLayerNetwork(config(ctx.seed()));
 *         net.init();
 *         TrackedRun run = ctx.track("A", net);
 *         for (int epoch = 0; epoch < ctx.intParam("epochs"); epoch++) {
 *             net.fit(ctx.trainingBatches(ctx.intParam("batchSize")));
 *             run.endEpoch();
 *         }
 *     }
 * }
 * }</pre>
 */
public interface LabSolution {

    /**
     * Builds, trains and reports the lab's networks.
     *
     * @param ctx the lab's data, parameters and the means to record runs and report values
     * @throws Exception anything; the grader reports it to the student with its stack trace
     */
    void train(LabContext ctx) throws Exception;
}
