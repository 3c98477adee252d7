package org.nnlab.platform.teaching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GradebookTest {
    private final Gradebook gradebook = new Gradebook(List.of(new Gradebook.Column("lab-a", "A", 100),
            new Gradebook.Column("lab-b", "B", 50)), List.of(
            new Gradebook.Row("ada", "Ada Lovelace", Map.of("lab-a", 97.5, "lab-b", 40.0)),
            new Gradebook.Row("bob", "Smith, \"Bob\"", Map.of("lab-b", 12.25))));

    @Test
    void aRowTotalsTheScoresThatCountAndTheMaximumTotalsTheLabs() {
        assertEquals(137.5, gradebook.rows().get(0).total());
        assertEquals(150, gradebook.maxTotal());
    }

    @Test
    void theCsvHasAColumnPerLabAnEmptyCellForNoGradeAndQuotesWhereNeeded() throws Exception {
        StringWriter csv = new StringWriter();

        gradebook.writeCsv(csv);

        assertEquals("username,name,lab-a,lab-b,total\r\n"
                + "ada,Ada Lovelace,97.50,40.00,137.50\r\n"
                + "bob,\"Smith, \"\"Bob\"\"\",,12.25,12.25\r\n", csv.toString());
    }
}
