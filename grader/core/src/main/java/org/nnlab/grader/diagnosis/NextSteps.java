package org.nnlab.grader.diagnosis;

import java.util.Map;

/**
 * The general next step for a failed check of each built-in type: what to change in the code. A lab's check may
 * give its own with {@code fix}, which is better still, since it can name the lab's runs and parameters.
 */
final class NextSteps {
    private static final String FALLBACK = "Read the check's message above: it says what was found and what was "
            + "expected; change the code until the student kit's local run shows the expected behaviour.";
    private static final Map<String, String> BY_TYPE = Map.ofEntries(
            Map.entry("completes", "Fix the compile error or exception the check names (file and line), then run the "
                    + "student kit (mvn -q compile exec:java) until train() returns within the lab's time limit."),
            Map.entry("curves", "Track every run the lab asks for with ctx.track(name, network) and call "
                    + "run.endEpoch() once after each epoch of training."),
            Map.entry("optimizer", "Set the updater the lab asks for on the NeuralNetConfiguration.Builder, e.g. "
                    + ".updater(new Adam(1e-3)), with the learning rate it names."),
            Map.entry("same-architecture", "Build every run's network with the same layers, sizes and activations; "
                    + "change only what the lab compares."),
            Map.entry("regularization", "Put the regularization on the NeuralNetConfiguration.Builder before build(), "
                    + "e.g. .weightDecay(1e-4) and .dropOut(0.8) (DL4J's dropOut takes the probability of keeping an "
                    + "input), and train the network built from that configuration."),
            Map.entry("plateau-schedule", "After each epoch compare the validation loss with the best so far; after "
                    + "'patience' epochs without improvement multiply the learning rate by 'factor' with "
                    + "network.setLearningRate(rate)."),
            Map.entry("accuracy", "Train until the validation accuracy reaches the lab's target: check the learning "
                    + "rate and the number of epochs, and that features and labels stay together when shuffled."),
            Map.entry("reported-value", "Compute the reported value from the recorded curve (e.g. the largest "
                    + "validation accuracy over the epochs) and pass it to ctx.report(key, value) after training."),
            Map.entry("consistency", "Call run.endEpoch() right after training each epoch, and do not change, retrain "
                    + "or replace a network after its last endEpoch()."),
            Map.entry("reflection", "Rewrite the sentences the curves contradict: take each epoch and value from the "
                    + "curve table, and name the run each sentence is about."),
            Map.entry("convergence-ranking", "Rank the runs by the first epoch at which each reaches the lab's "
                    + "validation loss, the fastest first."),
            Map.entry("grid-search", "Loop over every combination of the grid's values and train one run for each."),
            Map.entry("log-uniform-sampling", "Sample the hyperparameter on a log scale: "
                    + "Math.exp(Math.log(min) + random.nextDouble() * (Math.log(max) - Math.log(min)))."),
            Map.entry("best-run", "Pick the run with the lowest validation loss (compare with '<' on the loss) and "
                    + "report that one."),
            Map.entry("early-stopping", "Stop after 'patience' epochs without a lower validation loss, and put the "
                    + "best weights back with network.setParams(bestWeights) before train() returns."),
            Map.entry("schedule-trace", "Set each epoch's rate before training it: network.setLearningRate(rate(t)) "
                    + "at the start of epoch t, then run.endEpoch() after it."),
            Map.entry("lr-range-test", "Raise the learning rate exponentially from the lower to the upper bound "
                    + "(exponent i/(N-1)), record the loss at each step, and report the rate at the minimum divided "
                    + "by 10."),
            Map.entry("batch-size", "Train the run on ctx.trainingBatches(batchSize) with the batch size the lab "
                    + "names, and scale its learning rate with the batch size where the lab says so."),
            Map.entry("gradient-clipping", "Clip each layer's gradient by its L2 norm: .gradientNormalization("
                    + "GradientNormalization.ClipL2PerLayer).gradientNormalizationThreshold(1.0)."),
            Map.entry("symmetry", "Initialize each run as the lab asks: WeightInit.ZERO only for the run meant to "
                    + "show symmetry, random weights (WeightInit.XAVIER, or WeightInit.RELU before ReLU) for the "
                    + "others."),
            Map.entry("faster-than", "Make the run converge faster in the way the lab describes (its optimizer, "
                    + "learning rate or schedule), and check it on the curve table."),
            Map.entry("answer-mentions", "Name the cause the question asks for in your answer and support it with "
                    + "what the curves show."),
            Map.entry("subset-loss", "Train on every minibatch of ctx.trainingBatches(batchSize) each epoch, and "
                    + "keep features and labels shuffled together."));

    private NextSteps() {
    }

    /** @return the general next step for a failed check of that type */
    static String forType(String type) {
        return BY_TYPE.getOrDefault(type, FALLBACK);
    }
}
