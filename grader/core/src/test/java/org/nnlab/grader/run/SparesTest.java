package org.nnlab.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SparesTest {
    private static final long GIB = 1L << 30;

    @Test
    void autoKeepsOnePerWorkerAndAfterABurstFivePerWorkerAsFarAsAQuarterOfTheMemoryHoldsThem() {
        assertEquals(new Spares(2, 10), Spares.auto(2, 24 * GIB), "2 workers, 24 GiB: 10, within 6 GiB");
        assertEquals(new Spares(2, 6), Spares.auto(2, 15 * GIB), "a quarter of 15 GiB holds 6");
        assertEquals(new Spares(2, 2), Spares.auto(2, 2 * GIB), "one per worker even on a small machine");
        assertEquals(new Spares(8, 40), Spares.auto(8, 256 * GIB));
    }

    @Test
    void aFixedNumberIsTheSameBurstOrNotAndSaysSo() {
        assertEquals(new Spares(3, 3), Spares.fixed(3));
        assertEquals("3", Spares.fixed(3).toString());
        assertEquals("2 (10 after a burst)", new Spares(2, 10).toString());
    }

    @Test
    void negativeNumbersAndABurstBelowTheSteadyNumberAreRefused() {
        assertEquals("the number of spares must be 0 or more, and the most after a burst at least the steady number:"
                + " -1 steady, -1 after a burst", assertThrows(IllegalArgumentException.class,
                () -> Spares.fixed(-1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Spares(3, 2));
    }
}
