package org.nnlab.grader.check;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the checks judge a submission on.
 *
 * @param parameters the lab parameters the submission ran with
 * @param classes    the number of classes of the lab's data set
 * @param trainingExamples the number of examples of the lab's training part
 * @param completed  whether it compiled and {@code train} returned within the limits
 * @param failure    when not completed: what went wrong, for the student
 * @param runs       the tracked runs by name
 * @param reported   the values the solution reported
 * @param answers    the free-text answers by id
 * @param warnings   what the harness noticed about how runs were recorded
 */
public record Evidence(Map<String, Double> parameters, int classes, int trainingExamples, boolean completed,
                       String failure, Map<String, RunEvidence> runs, Map<String, Double> reported,
                       Map<String, String> answers, List<String> warnings) {

    /** Copies the collections. */
    public Evidence {
        parameters = Map.copyOf(parameters);
        runs = Map.copyOf(runs);
        reported = Map.copyOf(reported);
        answers = Map.copyOf(answers);
        warnings = List.copyOf(warnings);
    }

    /** @return the run of that name, if the solution tracked it */
    public Optional<RunEvidence> run(String name) {
        return Optional.ofNullable(runs.get(name));
    }

    /** @return the same evidence with other free-text answers */
    public Evidence withAnswers(Map<String, String> otherAnswers) {
        return new Evidence(parameters, classes, trainingExamples, completed, failure, runs, reported, otherAnswers,
                warnings);
    }
}
