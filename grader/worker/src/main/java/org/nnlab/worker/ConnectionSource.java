package org.nnlab.worker;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens connections to the database that holds the grading queue: the platform's pool, or a worker's own. */
@FunctionalInterface
public interface ConnectionSource {
    /** @return a new connection (or one from a pool), which the caller closes */
    Connection open() throws SQLException;
}
