package org.nnlab.grader.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeasurementsTest {

    @Test
    void rowsKeepTheOrderInWhichTheyFirstAppear() {
        Measurements rows = new Measurements();
        rows.add("b", "ms", 1);
        rows.add("a", "ms", 2);
        rows.add("b", "ms", 3);
        assertEquals(List.of("b", "a"), rows.rows().stream().map(Samples::name).toList());
        assertEquals(List.of(1.0, 3.0), rows.get("b").orElseThrow().values());
        assertTrue(rows.get("c").isEmpty());
    }

    @Test
    void aRowKeepsItsUnit() {
        Measurements rows = new Measurements();
        rows.add("peak", "MB", 400);
        assertThrows(IllegalArgumentException.class, () -> rows.add("peak", "ms", 1));
    }
}
