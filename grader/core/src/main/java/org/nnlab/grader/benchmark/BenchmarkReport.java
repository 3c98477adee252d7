package org.nnlab.grader.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one benchmark run measured: the machine, a row per measurement and the ratios against their targets, as a
 * text table and as JSON.
 *
 * @param title   what was benchmarked, e.g. the lab and the sandbox
 * @param machine where it ran
 * @param rows    the measurements, in table order
 * @param ratios  the ratios against the targets
 * @param notes   what a reader must know to read the numbers, one line each
 */
public record BenchmarkReport(String title, Machine machine, List<Samples> rows, List<TargetRatio> ratios,
                              List<String> notes) {
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    private static final int NAME_WIDTH = 58;

    /** Copies the lists. */
    public BenchmarkReport {
        rows = List.copyOf(rows);
        ratios = List.copyOf(ratios);
        notes = List.copyOf(notes);
    }

    /** @return the report as a text table: the rows (median, min, max, n), then the ratios with pass or fail */
    public String table() {
        StringBuilder text = new StringBuilder();
        text.append(title).append('\n').append(machine.describe()).append("\n\n");
        text.append(String.format(Locale.ROOT, "%-" + NAME_WIDTH + "s %10s %10s %10s %3s  %s%n", "measurement",
                "median", "min", "max", "n", "unit"));
        for (Samples row : rows) {
            text.append(String.format(Locale.ROOT, "%-" + NAME_WIDTH + "s %10s %10s %10s %3d  %s%n", row.name(),
                    number(row.median()), number(row.min()), number(row.max()), row.n(), row.unit()));
        }
        text.append(String.format(Locale.ROOT, "%n%-" + NAME_WIDTH + "s %10s %10s  %s%n", "ratio (medians)", "value",
                "target", "result"));
        for (TargetRatio ratio : ratios) {
            text.append(String.format(Locale.ROOT, "%-" + NAME_WIDTH + "s %10s %10s  %s%n", ratio.name(),
                    number(ratio.value()), ratio.targetText(), ratio.met() ? "pass" : "FAIL"));
        }
        notes.forEach(note -> text.append("\nnote: ").append(note));
        return text.append(notes.isEmpty() ? "" : "\n").toString();
    }

    /** @return the report as JSON: the machine, each row with its values and summary, each ratio with its verdict */
    public String json() throws IOException {
        return MAPPER.writeValueAsString(jsonTree());
    }

    /** Writes {@link #json()} to a file. */
    public void writeJson(Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), jsonTree());
    }

    private Map<String, Object> jsonTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("title", title);
        tree.put("machine", machine);
        tree.put("rows", rows.stream().map(row -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", row.name());
            entry.put("unit", row.unit());
            entry.put("median", row.median());
            entry.put("min", row.min());
            entry.put("max", row.max());
            entry.put("n", row.n());
            entry.put("values", row.values());
            return entry;
        }).toList());
        tree.put("ratios", ratios.stream().map(ratio -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", ratio.name());
            entry.put("value", ratio.value());
            entry.put("target", ratio.targetText());
            entry.put("met", ratio.met());
            entry.put("numerator", ratio.numerator());
            entry.put("denominator", ratio.denominator());
            return entry;
        }).toList());
        tree.put("notes", notes);
        return tree;
    }

    /** @return a number as a table shows it: whole numbers from 100 up, else three significant digits */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(3)).stripTrailingZeros()
                .toPlainString();
    }
}
