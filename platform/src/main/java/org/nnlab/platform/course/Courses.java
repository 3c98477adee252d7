package org.nnlab.platform.course;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.nnlab.platform.account.Role;
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

    /**
     * Creates a course taught by {@code instructor}.
     *
     * @throws IllegalArgumentException when the code is malformed or taken, or the title empty, with the reason
     */
    @Transactional
    public Course create(String code, String title, UserAccount instructor) {
        if (!code.matches("[A-Za-z0-9][A-Za-z0-9-]{1,31}")) {
            throw new IllegalArgumentException("A course code is 2 to 32 letters, digits or '-', such as DL-101.");
        }
        if (byCode(code).isPresent()) {
            throw new IllegalArgumentException("The course code " + code + " is taken.");
        }
        if (title.isBlank() || title.length() > 200) {
            throw new IllegalArgumentException("A course needs a title of at most 200 characters.");
        }
        Course course = create(code, title);
        enroll(course, instructor);
        return course;
    }

    /** @return a new course */
    @Transactional
    public Course create(String code, String title) {
        Course course = new Course(code, title);
        entityManager.persist(course);
        return course;
    }

    /** Enrols a user in a course, unless they are enrolled already. */
    @Transactional
    public void enroll(Course course, UserAccount user) {
        if (!enrolled(course, user)) {
            entityManager.persist(new Enrollment(entityManager.merge(course), entityManager.merge(user)));
        }
    }

    /**
     * Takes a student out of a course. Their submissions stay stored, and show again if they are enrolled again.
     *
     * @return whether they were enrolled
     */
    @Transactional
    public boolean unenroll(Course course, UserAccount student) {
        return entityManager.createQuery("DELETE FROM Enrollment e WHERE e.course = :course AND e.user = :user")
                .setParameter("course", entityManager.merge(course)).setParameter("user", entityManager.merge(student))
                .executeUpdate() > 0;
    }

    /**
     * Assigns a lab to a course, or changes its dates and late policy when it is assigned already.
     *
     * @throws IllegalArgumentException when the dates or the policy make no sense, with the reason
     */
    @Transactional
    public LabAssignment assign(Course course, String labId, java.time.LocalDateTime opensAt,
                                java.time.LocalDateTime deadline, LatePolicy policy, double percent) {
        Optional<LabAssignment> existing = assignment(course, labId);
        if (existing.isPresent()) {
            LabAssignment assignment = entityManager.find(LabAssignment.class, existing.get().getId());
            assignment.schedule(opensAt, deadline, policy, percent);
            return assignment;
        }
        LabAssignment assignment = new LabAssignment(entityManager.merge(course), labId, opensAt, deadline, policy,
                percent);
        entityManager.persist(assignment);
        return assignment;
    }

    /** @return whether {@code user} is enrolled in {@code course} */
    public boolean enrolled(Course course, UserAccount user) {
        return entityManager.createQuery("SELECT COUNT(e) FROM Enrollment e WHERE e.course = :course AND "
                + "e.user = :user", Long.class).setParameter("course", course).setParameter("user", user)
                .getSingleResult() > 0;
    }

    /** @return the labs assigned to the courses {@code username} is enrolled in, by deadline */
    public List<LabAssignment> assignmentsOf(String username) {
        return entityManager.createQuery("SELECT a FROM LabAssignment a, Enrollment e WHERE e.course = a.course "
                + "AND e.user.username = :username ORDER BY a.deadline, a.labId", LabAssignment.class)
                .setParameter("username", username).getResultList();
    }

    /** @return the courses {@code username} teaches, by code */
    public List<Course> taughtBy(String username) {
        return entityManager.createQuery("SELECT e.course FROM Enrollment e WHERE e.user.username = :username AND "
                + "e.user.role = :instructor ORDER BY e.course.code", Course.class).setParameter("username", username)
                .setParameter("instructor", Role.INSTRUCTOR).getResultList();
    }

    /** @return the course with that code, when {@code username} teaches it */
    public Optional<Course> taughtBy(String username, String code) {
        return taughtBy(username).stream().filter(c -> c.getCode().equals(code)).findFirst();
    }

    /**
     * @return whether {@code instructor} teaches a course in which {@code student} is enrolled and that assigns
     *     {@code labId}: the condition for seeing that student's submissions to that lab
     */
    public boolean teaches(String instructor, String student, String labId) {
        return entityManager.createQuery("SELECT COUNT(a) FROM LabAssignment a, Enrollment t, Enrollment s WHERE "
                + "t.course = a.course AND s.course = a.course AND a.labId = :labId AND t.user.username = :instructor "
                + "AND t.user.role = :role AND s.user.username = :student", Long.class).setParameter("labId", labId)
                .setParameter("instructor", instructor).setParameter("role", Role.INSTRUCTOR)
                .setParameter("student", student).getSingleResult() > 0;
    }

    /** @return the students of a course, by user name */
    public List<UserAccount> students(Course course) {
        return entityManager.createQuery("SELECT e.user FROM Enrollment e WHERE e.course = :course AND "
                + "e.user.role = :student ORDER BY e.user.username", UserAccount.class).setParameter("course", course)
                .setParameter("student", Role.STUDENT).getResultList();
    }

    /** @return the labs a course assigns, by deadline */
    public List<LabAssignment> assignments(Course course) {
        return entityManager.createQuery("SELECT a FROM LabAssignment a WHERE a.course = :course ORDER BY "
                + "a.deadline, a.labId", LabAssignment.class).setParameter("course", course).getResultList();
    }

    /** @return the assignment of a lab in a course */
    public Optional<LabAssignment> assignment(Course course, String labId) {
        return assignments(course).stream().filter(a -> a.getLabId().equals(labId)).findFirst();
    }

    /** Releases a lab's results to the course's students, or withdraws them. */
    @Transactional
    public void release(LabAssignment assignment, boolean released) {
        entityManager.find(LabAssignment.class, assignment.getId()).release(released,
                java.time.LocalDateTime.now(java.time.Clock.systemUTC()));
    }

    /** Records that every submission of an assigned lab was queued to be graded again: {@code count} of them. */
    @Transactional
    public void regradeStarted(LabAssignment assignment, int count) {
        entityManager.find(LabAssignment.class, assignment.getId()).regradeStarted(
                java.time.LocalDateTime.now(java.time.Clock.systemUTC()), count);
    }

    /** @return the assignment of a lab in one of {@code username}'s courses */
    public Optional<LabAssignment> assignmentOf(String username, String labId) {
        return assignmentsOf(username).stream().filter(a -> a.getLabId().equals(labId)).findFirst();
    }
}
