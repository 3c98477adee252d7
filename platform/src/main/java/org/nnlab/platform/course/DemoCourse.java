package org.nnlab.platform.course;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nnlab.grader.lab.Lab;
import org.nnlab.platform.account.Accounts;
import org.nnlab.platform.account.Passwords;
import org.nnlab.platform.account.Role;
import org.nnlab.platform.lab.LabCatalog;

/**
 * Creates the demo course that assigns every lab of the catalog, an instructor (and {@code nnlab.seed.instructors}
 * - 1 more, {@code instructor2}, ..., who teach no course yet) and {@code nnlab.seed.students} students
 * ({@code student}, {@code student2}, ...), all in one transaction: when two platform instances seed one empty
 * database at the same moment, the database keeps one instance's demo course whole and refuses the other's. The
 * passwords come from {@code nnlab.seed.instructor.password} and {@code nnlab.seed.student.password}, or are random.
 */
@ApplicationScoped
public class DemoCourse {
    @Inject
    Accounts accounts;

    @Inject
    Courses courses;

    @Inject
    LabCatalog catalog;

    @Inject
    Passwords passwords;

    @Inject
    @ConfigProperty(name = "nnlab.seed.instructor.password")
    Optional<String> instructorPassword;

    @Inject
    @ConfigProperty(name = "nnlab.seed.student.password")
    Optional<String> studentPassword;

    @Inject
    @ConfigProperty(name = "nnlab.seed.students", defaultValue = "1")
    int studentCount;

    @Inject
    @ConfigProperty(name = "nnlab.seed.instructors", defaultValue = "1")
    int instructorCount;

    /** @return the demo accounts and their passwords, as text to show their owner */
    @Transactional
    public String create() {
        String instructorSecret = instructorPassword.orElseGet(() -> passwords.random(12));
        StringBuilder text = new StringBuilder("nnlab demo accounts (change them on first use):\n  instructor / ")
                .append(instructorSecret).append('\n');
        Course course = courses.create(DemoSeeder.COURSE, "Training neural networks (demo course)");
        courses.enroll(course, accounts.create("instructor", instructorSecret, Role.INSTRUCTOR, "Demo Instructor"));
        for (int i = 2; i <= instructorCount; i++) {
            String secret = instructorPassword.orElseGet(() -> passwords.random(12));
            accounts.create("instructor" + i, secret, Role.INSTRUCTOR, "Demo Instructor " + i);
            text.append("  instructor").append(i).append(" / ").append(secret).append(" (teaches no course yet)\n");
        }
        for (int i = 1; i <= studentCount; i++) {
            String username = i == 1 ? "student" : "student" + i;
            String secret = studentPassword.orElseGet(() -> passwords.random(12));
            courses.enroll(course, accounts.create(username, secret, Role.STUDENT, "Demo Student " + i));
            text.append("  ").append(username).append(" / ").append(secret).append('\n');
        }
        LocalDateTime now = LocalDateTime.now(Clock.systemUTC()).withNano(0);
        for (Lab lab : catalog.latest()) {
            courses.assign(course, lab.id(), now.minusDays(1), now.plusDays(30), LatePolicy.PENALTY, 10);
        }
        return text.toString();
    }
}
