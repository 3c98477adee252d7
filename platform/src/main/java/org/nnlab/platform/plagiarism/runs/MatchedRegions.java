package org.nnlab.platform.plagiarism.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.nnlab.platform.plagiarism.detection.MatchedRegion;

/** Reads and writes the JSON the database keeps: matched regions, and a submission's files. */
public final class MatchedRegions {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MatchedRegions() {
    }

    /** @return the regions as JSON */
    public static String write(List<MatchedRegion> regions) {
        try {
            return JSON.writeValueAsString(regions);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write matched regions", e);
        }
    }

    /** @return the regions that {@link #write} wrote */
    public static List<MatchedRegion> read(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<MatchedRegion>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored matched regions that are no JSON", e);
        }
    }

    /** @return a submission's files, path to text, from its stored sources JSON */
    public static Map<String, String> files(String sourcesJson) {
        try {
            return JSON.readValue(sourcesJson, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored sources that are no JSON object", e);
        }
    }
}
