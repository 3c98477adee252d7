package org.nnlab.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnlab.grader.result.EpochResult;

/**
 * What a running grading job is doing, as its submission page shows it live: the stage and, while training, the
 * run, its epoch and the curves so far. Stored as JSON in the job, so that any platform instance can show it.
 *
 * @param stage  the stage, e.g. {@code training}
 * @param run    the run that trained last, or null before the first epoch
 * @param epoch  that run's last epoch, 0 before the first
 * @param epochs the epochs each run trains, 0 when the lab does not say
 * @param runs   the runs the lab asks for, in order
 * @param curves each run's epochs so far
 */
public record LiveProgress(String stage, String run, int epoch, int epochs, List<String> runs,
                           Map<String, List<EpochResult>> curves) {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** Copies the collections. */
    public LiveProgress {
        runs = runs == null ? List.of() : List.copyOf(runs);
        Map<String, List<EpochResult>> copy = new LinkedHashMap<>();
        if (curves != null) {
            curves.forEach((name, points) -> copy.put(name, List.copyOf(points)));
        }
        curves = copy;
    }

    /** @return the progress as a student reads it, e.g. "training run A: epoch 17 of 40" */
    public String description() {
        if (run == null || epoch == 0) {
            return stage;
        }
        return stage + " run " + run + ": epoch " + epoch + (epochs > 0 ? " of " + epochs : "");
    }

    /** @return the progress as stored in the job */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("progress always serializes", e);
        }
    }

    /**
     * @param stored what the job holds, JSON or (from older versions) plain text
     * @return the progress it describes
     */
    public static LiveProgress read(String stored) {
        if (stored == null || stored.isBlank()) {
            return new LiveProgress("waiting", null, 0, 0, List.of(), Map.of());
        }
        try {
            return JSON.readValue(stored, LiveProgress.class);
        } catch (JsonProcessingException e) {
            return new LiveProgress(stored, null, 0, 0, List.of(), Map.of());
        }
    }
}
