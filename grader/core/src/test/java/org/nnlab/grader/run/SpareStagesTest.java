package org.nnlab.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.nnlab.grader.lab.Lab;

class SpareStagesTest {
    private final AtomicLong clock = new AtomicLong();
    private final Lab digits = mock(Lab.class);
    private final Lab other = mock(Lab.class);
    private final LabData data = new LabData("sha-1", null, null, null);

    @Test
    void aGradingTakesTheSpareOfItsLabAndDataOnceAndOnlyThat() throws Exception {
        SpareStages spares = new SpareStages(Spares.fixed(2), clock::get);
        JobStages spare = waitingStages();
        spares.add(digits, data, spare);

        assertEquals(Optional.empty(), spares.take(other, data));
        assertEquals(Optional.empty(), spares.take(digits, new LabData("sha-2", null, null, null)));
        assertSame(spare, spares.take(digits, data).orElseThrow());
        assertEquals(Optional.empty(), spares.take(digits, data), "a spare serves one job");
        verify(spare, never()).close();
    }

    @Test
    void aSpareIsWantedWhileThereIsRoomAndOneBeyondTheLimitIsStoppedAtOnce() throws Exception {
        SpareStages spares = new SpareStages(Spares.fixed(1), clock::get);
        assertTrue(spares.reserve());
        spares.add(digits, data, waitingStages());
        clock.addAndGet(SpareStages.SPACING.toNanos());
        assertFalse(spares.reserve(), "no room");

        JobStages beyond = waitingStages();
        spares.add(other, data, beyond);
        verify(beyond).close();
        assertEquals(1, spares.size());
    }

    @Test
    void aSpareThatWaitedItsMaximumAgeIsStoppedAndNotTaken() throws Exception {
        SpareStages spares = new SpareStages(Spares.fixed(1), clock::get);
        JobStages spare = waitingStages();
        spares.add(digits, data, spare);
        clock.addAndGet(SpareStages.MAX_AGE.toNanos() + 1);

        assertEquals(Optional.empty(), spares.take(digits, data));
        verify(spare).close();
        assertTrue(spares.reserve(), "its place is free for a new spare");
    }

    @Test
    void aSpareWhoseSandboxEndedIsStoppedAndNotTaken() throws Exception {
        SpareStages spares = new SpareStages(Spares.fixed(1), clock::get);
        JobStages ended = waitingStages();
        spares.add(digits, data, ended);
        when(ended.waiting()).thenReturn(false);

        assertTrue(spares.reserve());
        verify(ended).close();
        assertEquals(Optional.empty(), spares.take(digits, data));
    }

    @Test
    void sparesStartTheSpacingApartEvenWithRoomForMore() {
        SpareStages spares = new SpareStages(Spares.fixed(3), clock::get);
        assertTrue(spares.reserve());
        assertFalse(spares.reserve(), "the first one is still warming up");
        clock.addAndGet(SpareStages.SPACING.toNanos() - 1);
        assertFalse(spares.reserve());
        clock.addAndGet(1);
        assertTrue(spares.reserve());
    }

    @Test
    void theSteadyNumberIsKeptWhileGradingsComeOneByOne() {
        SpareStages spares = new SpareStages(new Spares(1, 4), clock::get);
        for (int i = 0; i < 5; i++) {
            spares.take(digits, data);
            clock.addAndGet(SpareStages.BURST.toNanos());
        }
        assertTrue(spares.reserve());
        spares.add(digits, data, waitingStages());
        clock.addAndGet(SpareStages.SPACING.toNanos());
        assertFalse(spares.reserve(), "five gradings a minute apart are no burst: one spare");
    }

    @Test
    void aBurstOfGradingsGrowsTheSparesToItsSizeUpToTheBurstNumberUntilItIsForgotten() {
        SpareStages spares = new SpareStages(new Spares(1, 4), clock::get);
        for (int i = 0; i < 3; i++) {
            spares.take(digits, data);
            clock.addAndGet(SpareStages.BURST.toNanos() / 4);
        }
        assertEquals(3, fill(spares), "three gradings within a minute");

        for (int i = 0; i < 6; i++) {
            spares.take(other, data);
        }
        assertEquals(4, spares.size() + fill(spares), "six more, but four at most");

        clock.addAndGet(SpareStages.MAX_AGE.toNanos() + 1);
        assertEquals(1, fill(spares), "the burst is forgotten as its spares go stale: back to one");
    }

    @Test
    void closingStopsEverySpareAndEveryLaterOne() throws Exception {
        SpareStages spares = new SpareStages(Spares.fixed(2), clock::get);
        JobStages first = waitingStages();
        spares.add(digits, data, first);
        spares.close();
        verify(first).close();
        assertFalse(spares.reserve());

        JobStages late = waitingStages();
        spares.add(digits, data, late);
        verify(late).close();
        assertEquals(Optional.empty(), spares.take(digits, data));
    }

    @Test
    void noSparesKeepsNoneEvenAfterABurst() {
        SpareStages spares = new SpareStages(Spares.NONE, clock::get);
        spares.take(digits, data);
        spares.take(digits, data);
        assertFalse(spares.reserve());
    }

    /** Starts spares as idle workers do, the spacing apart, until none is wanted: how many were started. */
    private int fill(SpareStages spares) {
        int started = 0;
        while (spares.reserve()) {
            spares.add(digits, data, waitingStages());
            started++;
            clock.addAndGet(SpareStages.SPACING.toNanos());
        }
        return started;
    }

    private static JobStages waitingStages() {
        JobStages stages = mock(JobStages.class);
        when(stages.waiting()).thenReturn(true);
        return stages;
    }
}
