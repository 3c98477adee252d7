package org.nnlab.platform.lti.launch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Optional;

/** Starts OIDC logins and takes each one's state back once, within {@link #LIFETIME}. */
@ApplicationScoped
public class LoginStates {
    /** How long a login may take from initiation to launch. */
    public static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "nnlab")
    EntityManager entityManager;

    /** @return a new login's state and nonce, stored, for the registration */
    @Transactional
    public LoginState start(String registrationId) {
        LocalDateTime now = LocalDateTime.now(Clock.systemUTC());
        entityManager.createQuery("DELETE FROM LoginState s WHERE s.expiresAt < :now").setParameter("now", now)
                .executeUpdate();
        LoginState state = new LoginState(random(), random(), registrationId, now.plus(LIFETIME));
        entityManager.persist(state);
        return state;
    }

    /**
     * Takes a login's state out: a second launch with it, on any instance, finds nothing.
     *
     * @return the login, unless it is unknown, used or expired
     */
    @Transactional
    public Optional<LoginState> take(String state) {
        LoginState found = entityManager.find(LoginState.class, state);
        if (found == null || entityManager.createQuery("DELETE FROM LoginState s WHERE s.state = :state")
                .setParameter("state", state).executeUpdate() != 1) {
            return Optional.empty();
        }
        return found.getExpiresAt().isBefore(LocalDateTime.now(Clock.systemUTC())) ? Optional.empty()
                : Optional.of(found);
    }

    private static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
