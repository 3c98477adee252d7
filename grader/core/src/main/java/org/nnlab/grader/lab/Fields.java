package org.nnlab.grader.lab;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A typed view of one object of a lab file that reports every problem with the file and the dotted path of the
 * field, e.g. {@code labs/x/lab.yaml: field 'limits.wallSeconds' must be a positive integer}. Fields that were
 * never read are refused by {@link #finish()}, so a misspelt key does not pass unnoticed.
 */
public final class Fields {
    private final String file;
    private final String path;
    private final JsonNode node;
    private final Set<String> read = new HashSet<>();

    /**
     * @param file the file, for messages
     * @param path the dotted path of this object in the file, empty for the top level
     * @param node the object
     */
    public Fields(String file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
        if (node == null || !node.isObject()) {
            throw error(path.isEmpty() ? "the file" : "field '" + path + "'", "must be a mapping of fields");
        }
    }

    /** @return the file these fields come from */
    public String file() {
        return file;
    }

    /** @return whether the field is present */
    public boolean has(String name) {
        return node.has(name) && !node.get(name).isNull();
    }

    /** @return a required non-empty string */
    public String string(String name) {
        JsonNode value = required(name);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw invalid(name, "must be a non-empty text");
        }
        return value.asText();
    }

    /** @return an optional string, or {@code fallback} */
    public String string(String name, String fallback) {
        return has(name) ? string(name) : fallback;
    }

    /** @return a required integer, at least {@code min} */
    public int integer(String name, int min) {
        JsonNode value = required(name);
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < min) {
            throw invalid(name, "must be an integer of at least " + min);
        }
        return value.asInt();
    }

    /** @return a required integer within {@code [min, max]} */
    public int integerWithin(String name, int min, int max) {
        JsonNode value = required(name);
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < min || value.asInt() > max) {
            throw invalid(name, "must be an integer from " + min + " to " + max);
        }
        return value.asInt();
    }

    /** @return an optional integer of at least {@code min}, or {@code fallback} */
    public int integer(String name, int min, int fallback) {
        return has(name) ? integer(name, min) : fallback;
    }

    /** @return a required finite number within {@code [min, max]} */
    public double number(String name, double min, double max) {
        JsonNode value = required(name);
        if (!value.isNumber() || !Double.isFinite(value.asDouble()) || value.asDouble() < min
                || value.asDouble() > max) {
            throw invalid(name, "must be a number from " + min + " to " + max);
        }
        return value.asDouble();
    }

    /** @return an optional number within {@code [min, max]}, or {@code fallback} */
    public double number(String name, double min, double max, double fallback) {
        return has(name) ? number(name, min, max) : fallback;
    }

    /** @return an optional boolean, or {@code fallback} */
    public boolean bool(String name, boolean fallback) {
        if (!has(name)) {
            read.add(name);
            return fallback;
        }
        JsonNode value = required(name);
        if (!value.isBoolean()) {
            throw invalid(name, "must be true or false");
        }
        return value.asBoolean();
    }

    /** @return a required list of non-empty strings */
    public List<String> strings(String name) {
        JsonNode value = required(name);
        if (!value.isArray() || value.isEmpty()) {
            throw invalid(name, "must be a non-empty list");
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual() || value.get(i).asText().isBlank()) {
                throw error("field '" + child(name) + "[" + i + "]'", "must be a non-empty text");
            }
            items.add(value.get(i).asText());
        }
        return items;
    }

    /** @return the texts of a field that holds a text or a list of texts; none when absent or of another kind */
    public List<String> textsOf(String name) {
        JsonNode value = node.get(name);
        List<String> texts = new ArrayList<>();
        if (value != null && value.isTextual()) {
            texts.add(value.asText());
        } else if (value != null && value.isArray()) {
            value.forEach(item -> {
                if (item.isTextual()) {
                    texts.add(item.asText());
                }
            });
        }
        return texts;
    }

    /** @return a required nested object */
    public Fields object(String name) {
        return new Fields(file, child(name), required(name));
    }

    /** @return an optional nested object; an empty one when absent */
    public Fields objectOrEmpty(String name) {
        if (!has(name)) {
            read.add(name);
            return new Fields(file, child(name), com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                    .objectNode());
        }
        return object(name);
    }

    /** @return the objects of a required non-empty list */
    public List<Fields> objects(String name) {
        JsonNode value = required(name);
        if (!value.isArray() || value.isEmpty()) {
            throw invalid(name, "must be a non-empty list");
        }
        List<Fields> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            items.add(new Fields(file, child(name) + "[" + i + "]", value.get(i)));
        }
        return items;
    }

    /** @return the objects of an optional list; empty when absent */
    public List<Fields> objectsOrEmpty(String name) {
        if (!has(name)) {
            read.add(name);
            return List.of();
        }
        return objects(name);
    }

    /** @return every field of this object as a number, in file order */
    public Map<String, Double> numbers() {
        Map<String, Double> values = new LinkedHashMap<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            values.put(name, number(name, -Double.MAX_VALUE, Double.MAX_VALUE));
        }
        return values;
    }

    /** @throws LabException naming the first field that was never read */
    public void finish() {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!read.contains(name)) {
                throw error("field '" + child(name) + "'", "is not a known field here");
            }
        }
    }

    /** @return an error about one field of this object */
    public LabException invalid(String name, String problem) {
        return error("field '" + child(name) + "'", problem);
    }

    /** @return the dotted path of a field of this object */
    public String child(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private JsonNode required(String name) {
        read.add(name);
        if (!has(name)) {
            throw invalid(name, "is missing");
        }
        return node.get(name);
    }

    private LabException error(String what, String problem) {
        return new LabException(file + ": " + what + " " + problem);
    }
}
