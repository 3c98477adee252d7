package org.nnlab.platform.teaching;

import java.time.LocalDateTime;

/**
 * How far the last "grade every submission again" of an assigned lab has come.
 *
 * @param startedAt when it was asked for (UTC), or null when it never was
 * @param total     how many submissions it queued
 * @param done      how many of those have been graded again (or failed) since
 */
public record RegradeProgress(LocalDateTime startedAt, int total, int done) {

    /** @return whether every submission it queued has been graded again */
    public boolean finished() {
        return done >= total;
    }
}
