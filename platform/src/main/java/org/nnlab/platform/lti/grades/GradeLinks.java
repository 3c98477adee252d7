package org.nnlab.platform.lti.grades;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDateTime;
import java.util.List;
import org.nnlab.platform.account.UserAccount;
import org.nnlab.platform.lti.registration.LtiRegistration;

/** Stores the line items launches name, and how delivering scores to them went. */
@ApplicationScoped
public class GradeLinks {
    @PersistenceContext(unitName = "nnlab")
    EntityManager entityManager;

    /** Remembers that a student's lab reports its score to a line item (the latest launch's, when launched again). */
    @Transactional
    public void remember(LtiRegistration registration, UserAccount user, String labId, String subject,
                         String lineItem) {
        List<GradeLink> known = entityManager.createQuery("SELECT l FROM GradeLink l WHERE l.registration = "
                + ":registration AND l.user = :user AND l.labId = :labId", GradeLink.class)
                .setParameter("registration", entityManager.merge(registration))
                .setParameter("user", entityManager.merge(user)).setParameter("labId", labId).getResultList();
        if (known.isEmpty()) {
            entityManager.persist(new GradeLink(entityManager.merge(registration), entityManager.merge(user), labId,
                    subject, lineItem));
        } else {
            known.get(0).relaunched(subject, lineItem);
        }
    }

    /** @return every link, for the passback to look at */
    public List<GradeLink> all() {
        return entityManager.createQuery("SELECT l FROM GradeLink l", GradeLink.class).getResultList();
    }

    /** @return the links of a registration, by lab and student */
    public List<GradeLink> of(LtiRegistration registration) {
        return entityManager.createQuery("SELECT l FROM GradeLink l WHERE l.registration = :registration ORDER BY "
                + "l.labId, l.user.username", GradeLink.class).setParameter("registration", registration)
                .getResultList();
    }

    /** Records a delivered score. */
    @Transactional
    public void delivered(GradeLink link, double score, LocalDateTime at) {
        entityManager.find(GradeLink.class, link.getId()).delivered(score, at);
    }

    /** Records a failed attempt and when to try again. */
    @Transactional
    public void failed(GradeLink link, String error, LocalDateTime retryAt) {
        entityManager.find(GradeLink.class, link.getId()).failed(error, retryAt);
    }
}
