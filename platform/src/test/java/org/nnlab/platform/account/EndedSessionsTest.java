package org.nnlab.platform.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

class EndedSessionsTest {
    private final EndedSessions sessions = new EndedSessions();

    @Test
    void aSessionIsKnownByTheSha256OfItsIdNeverByTheIdItself() {
        String hash = EndedSessions.hash("ABC123");

        assertEquals(64, hash.length());
        assertEquals("e0bebd22819993425814866b62701e2919ea26f1370499c1037b53b9d49c2c8a", hash);
        assertNotEquals(hash, EndedSessions.hash("ABC124"));
    }

    @Test
    void aSessionWithARecordEndedAndOneWithoutDidNot() {
        sessions.entityManager = mock(EntityManager.class);
        when(sessions.entityManager.find(EndedSession.class, EndedSessions.hash("gone")))
                .thenReturn(new EndedSession(EndedSessions.hash("gone"), java.time.LocalDateTime.now()));

        assertTrue(sessions.ended("gone"));
        assertFalse(sessions.ended("alive"));
    }

    @Test
    void aDatabaseThatCannotSayLogsNobodyOut() {
        sessions.entityManager = mock(EntityManager.class);
        when(sessions.entityManager.find(eq(EndedSession.class), any())).thenThrow(new PersistenceException("down"))
                .thenThrow(new IllegalStateException("connection refused, as EclipseLink reports it"));

        assertFalse(sessions.ended("alive"));
        assertFalse(sessions.ended("alive"));
    }
}
