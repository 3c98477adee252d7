package org.nnlab.grader.result;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;

/** Writes and reads {@link GradingResult} as JSON; non-finite numbers (a diverged loss) are written as strings. */
public final class ResultJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .build();

    private ResultJson() {
    }

    /** @return the result as JSON text */
    public static String write(GradingResult result) throws IOException {
        return MAPPER.writeValueAsString(result);
    }

    /** Writes the result to a file. */
    public static void write(GradingResult result, Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), result);
    }

    /** @return the result stored in JSON text */
    public static GradingResult read(String json) throws IOException {
        return MAPPER.readValue(json, GradingResult.class);
    }
}
