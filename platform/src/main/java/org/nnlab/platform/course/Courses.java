package org.nnlab.platform.course;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.nnlab.platform.account.UserAccount;

/** Courses, enrolments and the labs they assign. */
@ApplicationScoped
public class Courses {
    @PersistenceContext(unitName = "nnlab")
    EntityManager entityManager;

    /** @return the course with that code */
    public Optional<Course> byCode(String code) {
        return entityManager.createQuery("SELECT c FROM Course c WHERE c.code = :code", Course.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    /** @return a new course */
    @Transactional
    public Course create(String code, String title) {
        Course course = new Course(code, title);
        entityManager.persist(course);
        return course;
    }

    /** Enrols a user in a course. */
    @Transactional
    public void enroll(Course course, UserAccount user) {
        entityManager.persist(new Enrollment(entityManager.merge(course), entityManager.merge(user)));
    }

    /** Assigns a lab to a course. */
    @Transactional
    public LabAssignment assign(Course course, String labId, java.time.LocalDateTime opensAt,
                                java.time.LocalDateTime deadline) {
        LabAssignment assignment = new LabAssignment(entityManager.merge(course), labId, opensAt, deadline);
        entityManager.persist(assignment);
        return assignment;
    }

    /** @return the labs assigned to the courses {@code username} is enrolled in, by deadline */
    public List<LabAssignment> assignmentsOf(String username) {
        return entityManager.createQuery("SELECT a FROM LabAssignment a, Enrollment e WHERE e.course = a.course "
                + "AND e.user.username = :username ORDER BY a.deadline, a.labId", LabAssignment.class)
                .setParameter("username", username).getResultList();
    }

    /** @return the assignment of a lab in one of {@code username}'s courses */
    public Optional<LabAssignment> assignmentOf(String username, String labId) {
        return assignmentsOf(username).stream().filter(a -> a.getLabId().equals(labId)).findFirst();
    }
}
