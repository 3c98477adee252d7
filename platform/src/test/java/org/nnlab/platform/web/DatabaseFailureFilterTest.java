package org.nnlab.platform.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionalException;
import java.io.UncheckedIOException;
import java.sql.SQLNonTransientConnectionException;
import javax.transaction.xa.XAException;
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
    void aCommitThatTheDatabaseFailedIsTheDatabasesThoughTheTransactionManagerKeptOnlyItsMessage() {
        XAException commit = new XAException("jakarta.resource.spi.LocalTransactionException: General error: "
                + "\"org.h2.mvstore.MVStoreException: Writing to sun.nio.ch.FileChannelImpl@774bdbf9 failed\"");
        commit.errorCode = XAException.XAER_RMERR;
        RuntimeException transactional = new TransactionalException("encountered exception during commit",
                new SystemException().initCause(commit));

        assertTrue(DatabaseFailureFilter.fromTheDatabase(new ServletException("the servlet failed", transactional)));
    }

    @Test
    void anyOtherFailureIsNot() {
        assertFalse(DatabaseFailureFilter.fromTheDatabase(new UncheckedIOException(new java.io.IOException("gone"))));
        assertFalse(DatabaseFailureFilter.fromTheDatabase(new IllegalArgumentException("bad input")));
    }
}
