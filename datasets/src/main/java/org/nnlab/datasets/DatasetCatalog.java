package org.nnlab.datasets;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The data sets nnlab knows, read from {@code catalog.json}: adding a data set is adding an entry there. */
public final class DatasetCatalog {
    private static final String RESOURCE = "catalog.json";
    private final Map<String, DatasetSpec> specs = new LinkedHashMap<>();

    private DatasetCatalog(List<DatasetSpec> entries) {
        for (DatasetSpec spec : entries) {
            if (specs.putIfAbsent(spec.id(), spec) != null) {
                throw new IllegalArgumentException("data set catalog: id '" + spec.id() + "' appears twice");
            }
        }
    }

    /** @return the catalog shipped with this module */
    public static DatasetCatalog builtIn() {
        try (InputStream in = DatasetCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("data set catalog " + RESOURCE + " is missing from the class path");
            }
            return read(in);
        } catch (IOException e) {
            throw new IllegalStateException("data set catalog " + RESOURCE + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * @param entries catalog entries with distinct ids
     * @return a catalog of exactly those entries
     */
    public static DatasetCatalog of(List<DatasetSpec> entries) {
        return new DatasetCatalog(entries);
    }

    /**
     * @param json a catalog document: {@code {"datasets": [ ... ]}}
     * @return the catalog it describes
     * @throws IOException when the document is not valid JSON or an entry is invalid
     */
    public static DatasetCatalog read(InputStream json) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        Document document = mapper.readValue(json, Document.class);
        return new DatasetCatalog(document.datasets() == null ? List.of() : document.datasets());
    }

    /**
     * @param id a data set id, e.g. {@code digits}
     * @return its catalog entry
     * @throws DatasetException naming the known ids when there is none
     */
    public DatasetSpec spec(String id) {
        DatasetSpec spec = specs.get(id);
        if (spec == null) {
            throw new DatasetException("Unknown data set '" + id + "'. Known data sets: "
                    + String.join(", ", specs.keySet()) + ".");
        }
        return spec;
    }

    /** @return every entry, in catalog order */
    public List<DatasetSpec> all() {
        return List.copyOf(specs.values());
    }

    private record Document(List<DatasetSpec> datasets) {
    }
}
