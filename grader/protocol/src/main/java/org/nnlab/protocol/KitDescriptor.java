package org.nnlab.protocol;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lab as a student kit describes it in {@link #FILE}: written by the trusted side when it makes the kit, read
 * by the kit when it trains the student's solution locally. It holds what a solution is trained with and nothing
 * of how it is graded: no checks, no reference solution, no answers.
 *
 * @param labId      the lab's id, e.g. {@code digits-regularization}
 * @param title      the lab's title
 * @param version    the lab's version
 * @param dataset    the data set's id in the datasets catalog, e.g. {@code digits}
 * @param split      the stratified split the grader uses, with its seed
 * @param scaling    how features are scaled: {@code max}, {@code standardize} or {@code none}
 * @param entryClass the student's class that implements {@code LabSolution}
 * @param parameters the lab parameters, e.g. epochs and batch size
 * @param runs       the names of the runs the lab expects
 * @param threads    the native (OpenMP) threads a graded run gets
 */
public record KitDescriptor(String labId, String title, int version, String dataset, Split split, String scaling,
                            String entryClass, Map<String, Double> parameters, List<String> runs, int threads) {

    /** The descriptor's file name, at the root of a kit. */
    public static final String FILE = "nnlab-lab.json";

    /** Copies the collections; parameters are kept sorted by name, so that the file is the same every time. */
    public KitDescriptor {
        parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
        runs = List.copyOf(runs);
    }

    /**
     * The stratified split of the lab's data set.
     *
     * @param train      fraction in the training part
     * @param validation fraction in the validation part
     * @param test       fraction in the test part, which stays with the grader
     * @param seed       seed of the split, also the lab seed a solution gets
     */
    public record Split(double train, double validation, double test, long seed) {
    }
}
