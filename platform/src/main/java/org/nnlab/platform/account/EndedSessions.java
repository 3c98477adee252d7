package org.nnlab.platform.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.logging.Logger;

/**
 * The sessions that logged out, in the database that every platform instance shares. Clustered instances replicate
 * sessions, but each keeps its own copy of a session in memory and goes on trusting it when a request carries the
 * version it already has; so a session that logged out through one instance would stay logged in on another (a
 * stolen cookie would outlive the logout there). The login mechanism asks here on each request of a logged-in
 * session. Records older than the longest session are dropped.
 */
@ApplicationScoped
public class EndedSessions {
    /** How long a record is kept: longer than a session lives (web.xml's session timeout is 120 minutes). */
    static final Duration KEPT = Duration.ofHours(3);
    private static final Logger LOG = Logger.getLogger(EndedSessions.class.getName());

    @PersistenceContext(unitName = "nnlab")
    EntityManager entityManager;

    Clock clock = Clock.systemUTC();

    /** Records that a session logged out, and drops the records of sessions long gone. */
    @Transactional
    public void end(String sessionId) {
        LocalDateTime now = LocalDateTime.now(clock);
        entityManager.merge(new EndedSession(hash(sessionId), now));
        entityManager.createQuery("DELETE FROM EndedSession e WHERE e.endedAt < :cutoff")
                .setParameter("cutoff", now.minus(KEPT)).executeUpdate();
    }

    /**
     * @return whether the session logged out; false when the database cannot say, so that an outage does not log
     *     everyone out (the request then meets the outage itself, and nothing is served from the database)
     */
    public boolean ended(String sessionId) {
        try {
            return entityManager.find(EndedSession.class, hash(sessionId)) != null;
        } catch (RuntimeException unavailable) { // EclipseLink's DatabaseException is no PersistenceException
            LOG.warning("cannot tell whether a session logged out: " + unavailable.getMessage());
            return false;
        }
    }

    static String hash(String sessionId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    sessionId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
