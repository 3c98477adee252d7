package org.nnlab.grader.lab;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A lab, as its folder and lab file describe it. Labs are data: a new lab is a new folder, not new code.
 *
 * @param directory    the lab folder
 * @param id           stable identifier, e.g. {@code digits-regularization}
 * @param version      incremented by the instructor whenever grading changes
 * @param title        the lab's title
 * @param dataset      data set id in the datasets catalog
 * @param split        how the data set is split, and with which seed
 * @param scaling      how features are scaled before the solution sees them
 * @param entryClass   the class of the submission that implements {@code LabSolution}
 * @param parameters   parameters the solution reads, e.g. epochs and batch size
 * @param limits       resource limits of the sandboxes
 * @param runs         names of the runs the solution must track
 * @param answers      free-text answers the lab asks for
 * @param checks       how the submission is graded
 * @param instructions the instructions file (Markdown), relative to the folder
 * @param starter      the starter code folder, relative to the folder
 * @param reference    the reference solution folder (instructors only), relative to the folder
 * @param submissions  how often a student may submit, and which graded submission counts
 * @param evaluate     what the grader measures on the saved networks besides the validation and test parts
 * @param gpu          whether its training wants a GPU worker
 */
public record Lab(Path directory, String id, int version, String title, String dataset, SplitSpec split,
                  Scaling scaling, String entryClass, Map<String, Double> parameters, LabLimits limits,
                  List<String> runs, List<AnswerSpec> answers, List<CheckSpec> checks, String instructions,
                  String starter, String reference, SubmissionPolicy submissions, EvaluationSpec evaluate,
                  GpuUse gpu) {

    /** Copies the collections. */
    public Lab {
        parameters = Map.copyOf(parameters);
        runs = List.copyOf(runs);
        answers = List.copyOf(answers);
        checks = List.copyOf(checks);
    }

    /** @return this lab as stored elsewhere under another version number, e.g. a platform's revision */
    public Lab at(Path folder, int newVersion) {
        return new Lab(folder, id, newVersion, title, dataset, split, scaling, entryClass, parameters, limits, runs,
                answers, checks, instructions, starter, reference, submissions, evaluate, gpu);
    }

    /** @return this lab with one parameter set to another value, e.g. fewer epochs for a benchmark */
    public Lab withParameter(String name, double value) {
        Map<String, Double> changed = new java.util.HashMap<>(parameters);
        changed.put(name, value);
        return new Lab(directory, id, version, title, dataset, split, scaling, entryClass, changed, limits, runs,
                answers, checks, instructions, starter, reference, submissions, evaluate, gpu);
    }

    /** @return the sum of the points of every check */
    public double maxScore() {
        return checks.stream().mapToDouble(CheckSpec::points).sum();
    }

    /** @return the starter folder */
    public Path starterDirectory() {
        return directory.resolve(starter);
    }

    /** @return the reference solution folder */
    public Path referenceDirectory() {
        return directory.resolve(reference);
    }

    /**
     * The stratified split of the lab's data set.
     *
     * @param train      fraction in the training part
     * @param validation fraction in the validation part
     * @param test       fraction in the hidden test part
     * @param seed       seed of the split
     */
    public record SplitSpec(double train, double validation, double test, long seed) {
    }

    /** How features are scaled before a solution sees them. */
    public enum Scaling {
        /** Divided by the data set's maximum feature value, to [0, 1]. */
        MAX,
        /** Standardized with the training part's mean and standard deviation. */
        STANDARDIZE,
        /** Left as they are. */
        NONE
    }

    /**
     * A free-text answer the lab asks for, e.g. a reflection on the curves.
     *
     * @param id       the answer's id, e.g. {@code reflection}
     * @param title    a short title
     * @param prompt   the question
     * @param maxChars the longest answer accepted
     */
    public record AnswerSpec(String id, String title, String prompt, int maxChars) {
    }

    /**
     * Extra inputs the grader evaluates each saved network on, in the evaluation sandbox.
     *
     * @param trainingSubset how many of the first rows of the training part (the first rows of the solution's
     *                       {@code ctx.trainingSet()}) are measured as well; 0 for none
     */
    public record EvaluationSpec(int trainingSubset) {
        /** Nothing besides the validation and test parts. */
        public static final EvaluationSpec NONE = new EvaluationSpec(0);
    }
}
