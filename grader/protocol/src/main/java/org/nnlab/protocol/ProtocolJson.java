package org.nnlab.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes the protocol's JSON documents; reading is size-capped because the writer may be hostile. */
public final class ProtocolJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ProtocolJson() {
    }

    /** Writes {@code value} as JSON to {@code file}, replacing it. */
    public static void write(Path file, Object value) throws IOException {
        MAPPER.writeValue(file.toFile(), value);
    }

    /** @return {@code value} as indented JSON, e.g. to put a document into an archive */
    public static byte[] bytes(Object value) throws IOException {
        return MAPPER.writeValueAsBytes(value);
    }

    /** @return {@code value} as JSON on one line */
    public static String line(Object value) throws IOException {
        return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
    }

    /** @return the value of one JSON line, e.g. a {@link ProgressLine} */
    public static <T> T parseLine(String line, Class<T> type) throws IOException {
        return MAPPER.readValue(line, type);
    }

    /**
     * @param file     a JSON document
     * @param type     the record it holds
     * @param maxBytes the largest size accepted
     * @return the document
     * @throws IOException when the file is missing, too large or not the expected document
     */
    public static <T> T read(Path file, Class<T> type, long maxBytes) throws IOException {
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new IOException(file.getFileName() + " is " + size + " bytes, more than the " + maxBytes + " allowed");
        }
        return MAPPER.readValue(Files.readAllBytes(file), type);
    }
}
