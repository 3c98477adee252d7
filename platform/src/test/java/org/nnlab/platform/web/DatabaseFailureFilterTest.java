package org.nnlab.platform.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletException;
import java.io.UncheckedIOException;
import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseFailureFilterTest {

    @Test
    void aFailureCausedDeepDownByTheDatabaseIsTheDatabases() {
        SQLNonTransientConnectionException refused = new SQLNonTransientConnectionException(
                "Connection is broken: \"java.net.ConnectException: Connection refused\"");
        RuntimeException persistence = new IllegalStateException("Exception [EclipseLink-4002]", refused);

        assertTrue(DatabaseFailureFilter.fromTheDatabase(new ServletException("the servlet failed", persistence)));
    }

    @Test
    void anyOtherFailureIsNot() {
        assertFalse(DatabaseFailureFilter.fromTheDatabase(new UncheckedIOException(new java.io.IOException("gone"))));
        assertFalse(DatabaseFailureFilter.fromTheDatabase(new IllegalArgumentException("bad input")));
    }
}
