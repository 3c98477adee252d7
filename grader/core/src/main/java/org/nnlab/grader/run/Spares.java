package org.nnlab.grader.run;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/**
 * How many spare stages a grader keeps waiting ({@link StageRunner#startSpare}): {@code steady} however quiet the
 * gradings are, and up to {@code burst} after a burst, as many as the most gradings that started within a minute of
 * each other in the last nine minutes (the time a spare is offered).
 *
 * @param steady the spares kept while gradings come one by one; 0 keeps none then
 * @param burst  the most spares that wait at once; at least {@code steady}
 */
public record Spares(int steady, int burst) {
    /** No spares: every grading starts its own sandboxes. */
    public static final Spares NONE = new Spares(0, 0);
    /** The spares {@link #auto} keeps per worker after a burst. */
    static final int AUTO_PER_WORKER = 5;
    /** What {@link #auto} counts per spare: its training and evaluation JVMs hold about 520 MB while they wait. */
    static final long AUTO_MEMORY_BYTES = 600L << 20;

    /**
     * @throws IllegalArgumentException when a number is negative or {@code burst} is below {@code steady}
     */
    public Spares {
        if (steady < 0 || burst < steady) {
            throw new IllegalArgumentException("the number of spares must be 0 or more, and the most after a burst at"
                    + " least the steady number: " + steady + " steady, " + burst + " after a burst");
        }
    }

    /**
     * @param count the spares to keep, burst or not
     * @return that many, always
     */
    public static Spares fixed(int count) {
        return new Spares(count, count);
    }

    /**
     * @param workers the workers that share the spares
     * @return what {@code auto} means on this machine: one per worker, and after a burst {@link #AUTO_PER_WORKER} per
     *     worker as far as a quarter of its memory holds them at 600 MB each
     */
    public static Spares auto(int workers) {
        return auto(workers, ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize());
    }

    static Spares auto(int workers, long memoryBytes) {
        long byMemory = memoryBytes / 4 / AUTO_MEMORY_BYTES;
        return new Spares(workers, (int) Math.max(workers, Math.min((long) AUTO_PER_WORKER * workers, byMemory)));
    }

    /** @return e.g. {@code 2 (10 after a burst)}, or {@code 3} when the number is fixed */
    @Override
    public String toString() {
        return steady == burst ? Integer.toString(steady) : steady + " (" + burst + " after a burst)";
    }
}
