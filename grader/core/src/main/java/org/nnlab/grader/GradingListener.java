package org.nnlab.grader;

/**
 * Hears which stage a grading is in and each epoch as it is trained, e.g. to show a submission's progress live.
 * Stages are announced on the grading thread, epochs on a thread that follows the harness's progress file. Epochs
 * come from the sandbox and are for display only: grading judges the report and the saved networks.
 */
@FunctionalInterface
public interface GradingListener {

    /** A listener that ignores everything. */
    GradingListener NONE = stage -> { };

    /** The stages of grading, in order. */
    enum Stage {
        /** javac runs in the sandbox. */
        COMPILING("compiling"),
        /** The solution trains in the sandbox. */
        TRAINING("training"),
        /** The saved networks are measured in the evaluation sandbox. */
        EVALUATING("evaluating"),
        /** The checks judge the evidence. */
        CHECKING("checking");

        private final String description;

        Stage(String description) {
            this.description = description;
        }

        /** @return the stage as a student reads it */
        public String description() {
            return description;
        }
    }

    /** @param stage the stage that begins now */
    void stage(Stage stage);

    /**
     * @param run   the run's name
     * @param epoch the epoch the harness just measured
     */
    default void epoch(String run, org.nnlab.protocol.EpochRecord epoch) {
    }

    /**
     * @param evidence what the checks are about to judge, e.g. to judge it again later with other answers through
     *                 {@link Grader#judge}
     */
    default void judging(org.nnlab.grader.check.Evidence evidence) {
    }
}
