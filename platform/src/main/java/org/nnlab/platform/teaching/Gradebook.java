package org.nnlab.platform.teaching;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A course's grades: one row per student, one column per assigned lab, each cell the score that counts under the
 * lab's policy (with the instructor's overrides), and the total.
 *
 * @param labs the assigned labs, by deadline
 * @param rows one per student, by user name
 */
public record Gradebook(List<Column> labs, List<Row> rows) {

    /**
     * One lab of the gradebook.
     *
     * @param labId    the lab
     * @param title    its title
     * @param maxScore its points
     */
    public record Column(String labId, String title, double maxScore) {
    }

    /**
     * One student's grades.
     *
     * @param username    the student's user name
     * @param displayName the student's name
     * @param scores      lab id to the score that counts; labs without a graded submission are absent
     */
    public record Row(String username, String displayName, Map<String, Double> scores) {

        /** @return the sum of the scores that count */
        public double total() {
            return scores.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    /** @return the most a student can score in all labs */
    public double maxTotal() {
        return labs.stream().mapToDouble(Column::maxScore).sum();
    }

    /**
     * Writes the gradebook as CSV (RFC 4180): username, name, one column per lab id, total; a lab without a
     * graded submission is an empty cell.
     */
    public void writeCsv(Writer out) throws IOException {
        List<String> header = new ArrayList<>(List.of("username", "name"));
        labs.forEach(lab -> header.add(lab.labId()));
        header.add("total");
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new))
                .get())) {
            for (Row row : rows) {
                List<Object> cells = new ArrayList<>(List.of(row.username(), row.displayName()));
                labs.forEach(lab -> cells.add(row.scores().containsKey(lab.labId())
                        ? format(row.scores().get(lab.labId())) : ""));
                cells.add(format(row.total()));
                csv.printRecord(cells);
            }
        }
    }

    private static String format(double score) {
        return String.format(java.util.Locale.ROOT, "%.2f", score);
    }
}
