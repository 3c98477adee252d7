package org.nnlab.grader.lab;

import java.util.Locale;

/** Whether a lab's training wants the GPU: its lab file's {@code gpu: none | preferred | required}. */
public enum GpuUse {
    /** Trains on CPU workers only (the default). */
    NONE,
    /** Trains on a GPU worker when one has a free GPU slot soon, otherwise on a CPU worker. */
    PREFERRED,
    /** Trains on a GPU worker only: its jobs wait for one. */
    REQUIRED;

    /** @return the value as a lab file writes it, e.g. {@code preferred} */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
