package org.nnlab.platform.lti.deeplinking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import org.nnlab.platform.lti.registration.LtiRegistration;

/** Keeps deep-linking launches for an hour, until their instructor chose a lab. */
@ApplicationScoped
public class DeepLinkingRequests {
    private static final Duration LIFETIME = Duration.ofHours(1);

    @PersistenceContext(unitName = "nnlab")
    EntityManager entityManager;

    /** @return the stored request */
    @Transactional
    public DeepLinkingRequest store(LtiRegistration registration, String username, String deploymentId,
                                    String returnUrl, String data) {
        LocalDateTime now = LocalDateTime.now(Clock.systemUTC());
        entityManager.createQuery("DELETE FROM DeepLinkingRequest d WHERE d.expiresAt < :now")
                .setParameter("now", now).executeUpdate();
        DeepLinkingRequest request = new DeepLinkingRequest(entityManager.merge(registration), username, deploymentId,
                returnUrl, data, now.plus(LIFETIME));
        entityManager.persist(request);
        return request;
    }

    /** @return the unexpired request with that id, when {@code username} launched it */
    public Optional<DeepLinkingRequest> of(String id, String username) {
        return Optional.ofNullable(id == null ? null : entityManager.find(DeepLinkingRequest.class, id))
                .filter(r -> r.getUsername().equals(username))
                .filter(r -> r.getExpiresAt().isAfter(LocalDateTime.now(Clock.systemUTC())));
    }

    /** Removes an answered request. */
    @Transactional
    public void answered(DeepLinkingRequest request) {
        entityManager.createQuery("DELETE FROM DeepLinkingRequest d WHERE d.id = :id")
                .setParameter("id", request.getId()).executeUpdate();
    }
}
