package org.nnlab.grader.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SamplesTest {

    @Test
    void theMedianOfAnOddCountIsTheMiddleValue() {
        Samples samples = new Samples("x", "ms", List.of(5.0, 1.0, 9.0, 3.0, 7.0));
        assertEquals(5.0, samples.median());
        assertEquals(1.0, samples.min());
        assertEquals(9.0, samples.max());
        assertEquals(5, samples.n());
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertEquals(2.5, new Samples("x", "ms", List.of(4.0, 1.0, 3.0, 2.0)).median());
    }

    @Test
    void aRowNeedsAMeasurement() {
        assertThrows(IllegalArgumentException.class, () -> new Samples("x", "ms", List.of()));
    }
}
