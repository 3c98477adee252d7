package org.nnlab.datasets.obtain;

import java.nio.file.Path;

/**
 * What one source found: a file to verify, or the reason it has none.
 *
 * @param file the file found, or null
 * @param note why nothing was found, or where the file came from
 */
public record Candidate(Path file, String note) {

    /** @return a candidate file */
    public static Candidate found(Path file, String note) {
        return new Candidate(file, note);
    }

    /** @return the absence of a file, with its reason */
    public static Candidate none(String reason) {
        return new Candidate(null, reason);
    }

    /** @return whether a file was found */
    public boolean isFound() {
        return file != null;
    }
}
