package org.nnlab.grader.check;

import org.nnlab.grader.lab.Fields;

/**
 * A learning-rate schedule as a function of the epoch index {@code t}, 0 for the first epoch, as a lab file's check
 * parameters declare it.
 */
sealed interface LearningRateSchedule {

    /** @return the learning rate of epoch index {@code t} (0 for the first epoch) */
    double rate(int t);

    /** @return the formula with its constants, for messages, e.g. {@code step decay 0.01 * 0.5^floor(t/5)} */
    String formula();

    /** @return how many epochs a trace needs before it shows the schedule, e.g. a step decay's first step */
    int epochsToShow();

    /**
     * Reads the {@code schedule} kind and the parameters of that kind.
     *
     * @throws org.nnlab.grader.lab.LabException when the kind is unknown or a parameter is missing or invalid
     */
    static LearningRateSchedule read(Fields params) {
        String kind = params.string("schedule");
        return switch (kind) {
            case "step" -> new StepDecay(rate(params, "baseRate"), params.integer("stepSize", 1),
                    factor(params, "gamma"));
            case "exponential" -> new ExponentialDecay(rate(params, "baseRate"), params.number("decay", 0, 10));
            case "cosine" -> cosine(params);
            case "warmup" -> new LinearWarmup(rate(params, "targetRate"), params.integer("warmupEpochs", 1));
            default -> throw params.invalid("schedule", "must be step, exponential, cosine or warmup, not '"
                    + kind + "'");
        };
    }

    private static CosineAnnealing cosine(Fields params) {
        double baseRate = rate(params, "baseRate");
        double minRate = params.number("minRate", 0, 10);
        if (minRate >= baseRate) {
            throw params.invalid("minRate", "must be less than baseRate");
        }
        return new CosineAnnealing(baseRate, minRate, params.integer("tMax", 1));
    }

    private static double rate(Fields params, String name) {
        double rate = params.number(name, 0, 10);
        if (rate == 0) {
            throw params.invalid(name, "must be greater than 0");
        }
        return rate;
    }

    private static double factor(Fields params, String name) {
        double factor = params.number(name, 0, 1);
        if (factor == 0) {
            throw params.invalid(name, "must be greater than 0");
        }
        return factor;
    }

    /** eta_t = baseRate * gamma^floor(t / stepSize). */
    record StepDecay(double baseRate, int stepSize, double gamma) implements LearningRateSchedule {
        @Override
        public double rate(int t) {
            return baseRate * Math.pow(gamma, t / stepSize);
        }

        @Override
        public String formula() {
            return "step decay " + Numbers.show(baseRate) + " * " + Numbers.show(gamma) + "^floor(t/" + stepSize + ")";
        }

        @Override
        public int epochsToShow() {
            return stepSize + 1;
        }
    }

    /** eta_t = baseRate * e^(-decay * t). */
    record ExponentialDecay(double baseRate, double decay) implements LearningRateSchedule {
        @Override
        public double rate(int t) {
            return baseRate * Math.exp(-decay * t);
        }

        @Override
        public String formula() {
            return "exponential decay " + Numbers.show(baseRate) + " * e^(-" + Numbers.show(decay) + " t)";
        }

        @Override
        public int epochsToShow() {
            return 2;
        }
    }

    /** eta_t = minRate + (baseRate - minRate) / 2 * (1 + cos(pi * min(t, tMax) / tMax)): minRate from tMax on. */
    record CosineAnnealing(double baseRate, double minRate, int tMax) implements LearningRateSchedule {
        @Override
        public double rate(int t) {
            return minRate + (baseRate - minRate) / 2 * (1 + Math.cos(Math.PI * Math.min(t, tMax) / tMax));
        }

        @Override
        public String formula() {
            return "cosine annealing " + Numbers.show(minRate) + " + (" + Numbers.show(baseRate) + " - "
                    + Numbers.show(minRate) + ")/2 * (1 + cos(pi min(t, " + tMax + ")/" + tMax + "))";
        }

        @Override
        public int epochsToShow() {
            return 2;
        }
    }

    /** eta_t = targetRate * min(1, (t + 1) / warmupEpochs): the target is reached at epoch {@code warmupEpochs}. */
    record LinearWarmup(double targetRate, int warmupEpochs) implements LearningRateSchedule {
        @Override
        public double rate(int t) {
            return targetRate * Math.min(1, (t + 1) / (double) warmupEpochs);
        }

        @Override
        public String formula() {
            return "linear warmup " + Numbers.show(targetRate) + " * min(1, (t+1)/" + warmupEpochs + ")";
        }

        @Override
        public int epochsToShow() {
            return warmupEpochs + 1;
        }
    }
}
