package org.nnlab.grader.reflection;

import java.util.List;

/**
 * A clause of a reflection and the runs it speaks of.
 *
 * @param text       the clause as written
 * @param subjects   the runs it is about, in the order named; taken from the sentence or, through a pronoun
 *                   ("its", "it"), from the sentence before
 * @param collective whether it speaks of all runs at once ("both", "each", "all runs")
 * @param named      whether the runs are named in its sentence or referred to by a pronoun, rather than assumed
 */
public record Clause(String text, List<String> subjects, boolean collective, boolean named) {

    /** Copies the subjects. */
    public Clause {
        subjects = List.copyOf(subjects);
    }

    /** @return the one run the clause is about, when it is about exactly one */
    public java.util.Optional<String> single() {
        return subjects.size() == 1 && !collective ? java.util.Optional.of(subjects.get(0))
                : java.util.Optional.empty();
    }
}
