package org.nnlab.grader.reflection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nnlab.grader.curve.RunCurve;

/** The curves of the runs a reflection is about, in the lab's order. */
public final class Curves {
    private final Map<String, RunCurve> runs = new LinkedHashMap<>();

    /** @param runs the runs that recorded at least one epoch */
    public Curves(List<RunCurve> runs) {
        runs.forEach(run -> this.runs.put(run.name(), run));
    }

    /** @return the run's curve */
    public RunCurve get(String name) {
        RunCurve run = runs.get(name);
        if (run == null) {
            throw new IllegalArgumentException("no curves of run " + name);
        }
        return run;
    }

    /** @return the names of the runs, in order */
    public List<String> names() {
        return List.copyOf(runs.keySet());
    }

    /** @return the other run, where there are exactly two */
    public Optional<String> other(String name) {
        return runs.size() == 2 && runs.containsKey(name)
                ? runs.keySet().stream().filter(n -> !n.equals(name)).findFirst() : Optional.empty();
    }
}
