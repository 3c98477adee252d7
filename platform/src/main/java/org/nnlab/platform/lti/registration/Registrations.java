package org.nnlab.platform.lti.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.nnlab.platform.course.Course;
import org.nnlab.platform.web.InputException;

/** Finds and stores LMS registrations. */
@ApplicationScoped
public class Registrations {
    @PersistenceContext(unitName = "nnlab")
    EntityManager entityManager;

    /**
     * Registers an LMS for a course.
     *
     * @throws InputException when the form cannot be used or the issuer and client id are registered already
     */
    @Transactional
    public LtiRegistration register(Course course, RegistrationForm form) {
        form.validated();
        if (byClient(form.issuer(), form.clientId()).isPresent()) {
            throw new InputException("The LMS " + form.issuer() + " with client id " + form.clientId()
                    + " is registered already.");
        }
        LtiRegistration registration = new LtiRegistration(entityManager.merge(course), form);
        entityManager.persist(registration);
        return registration;
    }

    /** @return the registration of that issuer and client id */
    public Optional<LtiRegistration> byClient(String issuer, String clientId) {
        return entityManager.createQuery("SELECT r FROM LtiRegistration r WHERE r.issuer = :issuer AND r.clientId = "
                + ":clientId", LtiRegistration.class).setParameter("issuer", issuer).setParameter("clientId", clientId)
                .getResultStream().findFirst();
    }

    /** @return the registrations of an issuer */
    public List<LtiRegistration> byIssuer(String issuer) {
        return entityManager.createQuery("SELECT r FROM LtiRegistration r WHERE r.issuer = :issuer",
                LtiRegistration.class).setParameter("issuer", issuer).getResultList();
    }

    /** @return the registration with that id */
    public Optional<LtiRegistration> byId(String id) {
        return Optional.ofNullable(entityManager.find(LtiRegistration.class, id));
    }

    /** @return the registrations for the courses given, by issuer */
    public List<LtiRegistration> forCourses(List<Course> courses) {
        if (courses.isEmpty()) {
            return List.of();
        }
        return entityManager.createQuery("SELECT r FROM LtiRegistration r WHERE r.course IN :courses ORDER BY "
                + "r.issuer, r.clientId", LtiRegistration.class).setParameter("courses", courses).getResultList();
    }
}
