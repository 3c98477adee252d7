package org.nnlab.grader;

/** Hears which stage a grading is in, e.g. to show a submission's progress live. Called on the grading thread. */
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
}
