package org.nnlab.grader.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Collects measurements by row name, keeping the order in which rows first appear. Not thread-safe. */
public final class Measurements {
    private record Row(String unit, List<Double> values) {
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();

    /**
     * Adds one measurement to a row, creating the row at its first measurement.
     *
     * @throws IllegalArgumentException when the row exists with another unit
     */
    public void add(String name, String unit, double value) {
        Row row = rows.computeIfAbsent(name, key -> new Row(unit, new ArrayList<>()));
        if (!row.unit().equals(unit)) {
            throw new IllegalArgumentException(name + " is measured in " + row.unit() + ", not " + unit);
        }
        row.values().add(value);
    }

    /** @return the row's samples, if it has any */
    public Optional<Samples> get(String name) {
        Row row = rows.get(name);
        return row == null ? Optional.empty() : Optional.of(new Samples(name, row.unit(), row.values()));
    }

    /** @return every row, in the order they first appeared */
    public List<Samples> rows() {
        return rows.entrySet().stream().map(e -> new Samples(e.getKey(), e.getValue().unit(), e.getValue().values()))
                .toList();
    }
}
