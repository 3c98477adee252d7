package org.nnlab.grader.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.nnlab.grader.lab.Lab;

/**
 * Job stages started ahead of their jobs: while a worker is idle it starts a spare for the lab it graded last, whose
 * training and evaluation JVMs start Java and ND4J and warm up, then wait for a job. The next grading of that lab (the
 * same lab, revision and data) takes it, so that a submission that finds an idle worker compiles, trains and is
 * evaluated without a JVM starting beside it. Each spare serves one job. A spare that has waited {@link #MAX_AGE} is
 * stopped (its sandboxes would stop themselves at their wait limit, {@link #IDLE}); so is one whose sandbox ended.
 * They start {@link #SPACING} apart, so that at most one warms up at a time beside a grading, until as many wait as
 * {@link Spares} asks for now: its steady number, or after a burst as many as the most gradings that started within
 * {@link #BURST} of each other in the last {@link #MAX_AGE}, up to its burst number. Spares beyond that are not
 * stopped but, once stale, not replaced: the pool shrinks back as a burst is forgotten. {@link #close()} stops them
 * all. Thread-safe.
 */
final class SpareStages implements AutoCloseable {
    /** How long a spare's sandboxes may wait for their job. */
    static final Duration IDLE = Duration.ofMinutes(10);
    /** How long a spare is offered to gradings: a minute less, so that none is taken just before its sandboxes end. */
    static final Duration MAX_AGE = IDLE.minusMinutes(1);
    /** How long after one spare the next may start: about the time its two JVMs take to start and warm up. */
    static final Duration SPACING = Duration.ofSeconds(5);
    /** How close together gradings count as one burst. */
    static final Duration BURST = Duration.ofMinutes(1);
    private final Spares wanted;
    private final LongSupplier nanoClock;
    private final List<Spare> spares = new ArrayList<>();
    /** When the gradings of the last {@link #MAX_AGE} started, oldest first. */
    private final ArrayDeque<Long> gradings = new ArrayDeque<>();
    private long nextStartNanos;
    private boolean closed;

    private record Spare(Lab lab, String dataSha256, JobStages stages, long startedNanos) {
    }

    /**
     * @param wanted    how many spares to keep, steady and after a burst
     * @param nanoClock the clock their age is measured on, {@link System#nanoTime()} outside tests
     */
    SpareStages(Spares wanted, LongSupplier nanoClock) {
        this.wanted = wanted;
        this.nanoClock = nanoClock;
        this.nextStartNanos = nanoClock.getAsLong();
    }

    /**
     * Reserves the start of a spare: fewer wait than are wanted now once the stale ones are stopped, and the last
     * one reserved started {@link #SPACING} ago or more. The next reservation then waits for that spacing.
     *
     * @return whether the caller may start a spare now
     */
    boolean reserve() {
        List<Spare> stale;
        boolean reserved;
        synchronized (this) {
            stale = removeStale();
            long now = nanoClock.getAsLong();
            reserved = !closed && spares.size() < wantedNow(now) && now - nextStartNanos >= 0;
            if (reserved) {
                nextStartNanos = now + SPACING.toNanos();
            }
        }
        stop(stale);
        return reserved;
    }

    /**
     * Keeps a spare for later gradings of its lab; stops it at once when the spares were closed or are full.
     *
     * @param lab    the lab it was started for
     * @param data   the lab's data, whose training and validation parts it was given
     * @param stages the spare, just started
     */
    void add(Lab lab, LabData data, JobStages stages) {
        synchronized (this) {
            if (!closed && spares.size() < wanted.burst()) {
                spares.add(new Spare(lab, data.sha256(), stages, nanoClock.getAsLong()));
                return;
            }
        }
        stop(List.of(new Spare(lab, data.sha256(), stages, 0)));
    }

    /**
     * Counts a grading that starts now, for the bursts, and hands it a spare when one waits.
     *
     * @return a spare started for this lab and data, still waiting, which the caller now owns; empty when there is
     *     none
     */
    Optional<JobStages> take(Lab lab, LabData data) {
        List<Spare> stale;
        Optional<JobStages> taken = Optional.empty();
        synchronized (this) {
            long now = nanoClock.getAsLong();
            forgetGradingsBefore(now);
            gradings.addLast(now);
            stale = removeStale();
            for (Iterator<Spare> it = spares.iterator(); it.hasNext(); ) {
                Spare spare = it.next();
                if (spare.lab().equals(lab) && spare.dataSha256().equals(data.sha256())) {
                    it.remove();
                    taken = Optional.of(spare.stages());
                    break;
                }
            }
        }
        stop(stale);
        return taken;
    }

    /** @return how many spares wait now, stale ones included */
    synchronized int size() {
        return spares.size();
    }

    /** Stops every spare and keeps none from now on. */
    @Override
    public void close() {
        List<Spare> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(spares);
            spares.clear();
        }
        stop(all);
    }

    /** @return how many spares are wanted now, after the gradings of the last {@link #MAX_AGE} */
    private int wantedNow(long now) {
        forgetGradingsBefore(now);
        int burst = 0;
        ArrayDeque<Long> window = new ArrayDeque<>();
        for (long started : gradings) {
            window.addLast(started);
            while (started - window.peekFirst() >= BURST.toNanos()) {
                window.removeFirst();
            }
            burst = Math.max(burst, window.size());
        }
        return Math.min(wanted.burst(), Math.max(wanted.steady(), burst));
    }

    /** Forgets the gradings that started more than {@link #MAX_AGE} before {@code now}. */
    private void forgetGradingsBefore(long now) {
        while (!gradings.isEmpty() && now - gradings.peekFirst() > MAX_AGE.toNanos()) {
            gradings.removeFirst();
        }
    }

    private List<Spare> removeStale() {
        List<Spare> stale = new ArrayList<>();
        long now = nanoClock.getAsLong();
        for (Iterator<Spare> it = spares.iterator(); it.hasNext(); ) {
            Spare spare = it.next();
            if (now - spare.startedNanos() > MAX_AGE.toNanos() || !spare.stages().waiting()) {
                it.remove();
                stale.add(spare);
            }
        }
        return stale;
    }

    /** Stops spares outside the lock: each waits until its sandboxes are cleaned up. */
    private static void stop(List<Spare> spares) {
        UncheckedIOException failure = null;
        for (Spare spare : spares) {
            try {
                spare.stages().close();
            } catch (IOException e) {
                failure = new UncheckedIOException("a spare's job folder could not be deleted: " + e.getMessage(), e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
