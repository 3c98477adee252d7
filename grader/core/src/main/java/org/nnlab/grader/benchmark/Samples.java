package org.nnlab.grader.benchmark;

import java.util.List;

/**
 * The repeated measurements of one benchmark row.
 *
 * @param name   what was measured, e.g. {@code end-to-end}
 * @param unit   its unit, e.g. {@code ms}, {@code MB}, {@code /min}
 * @param values each measurement, in the order taken; at least one
 */
public record Samples(String name, String unit, List<Double> values) {

    /** Copies the values and checks there is at least one. */
    public Samples {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no measurement of " + name);
        }
    }

    /** @return the middle value; for an even count, the mean of the two middle values */
    public double median() {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** @return the smallest value */
    public double min() {
        return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    /** @return the largest value */
    public double max() {
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    /** @return how many measurements there are */
    public int n() {
        return values.size();
    }
}
