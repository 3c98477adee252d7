package org.nnlab.platform.lti.key;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Reads and stores the tool's key row. */
@ApplicationScoped
class ToolKeyStore {
    @PersistenceContext(unitName = "nnlab")
    EntityManager entityManager;

    /** @return the stored key pair as JWK JSON (in a transaction: the score passback's thread has no request) */
    @Transactional
    Optional<String> stored() {
        return Optional.ofNullable(entityManager.find(ToolKeyRecord.class, ToolKeyRecord.ID))
                .map(ToolKeyRecord::getJwkJson);
    }

    /** Stores the key pair; fails when another instance stored one first. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void store(String jwkJson) {
        entityManager.persist(new ToolKeyRecord(jwkJson));
    }
}
