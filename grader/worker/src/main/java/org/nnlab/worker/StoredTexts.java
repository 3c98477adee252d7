package org.nnlab.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a submission's sources and answers are stored ({@code SUBMISSION.SOURCESJSON}, {@code ANSWERSJSON}): a JSON
 * object of texts by name, in name order. The platform writes them and workers read them.
 */
public final class StoredTexts {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> TEXTS = new TypeReference<>() {
    };

    private StoredTexts() {
    }

    /** @return the texts as stored */
    public static String write(Map<String, String> texts) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(texts));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("texts always serialize", e);
        }
    }

    /** @return the stored texts, by name in name order */
    public static Map<String, String> read(String json) {
        try {
            return JSON.readValue(json, TEXTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored submission is not valid JSON", e);
        }
    }
}
