package org.nnlab.platform.course;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nnlab.grader.lab.Lab;
import org.nnlab.platform.account.Accounts;
import org.nnlab.platform.account.Passwords;
import org.nnlab.platform.account.Role;
import org.nnlab.platform.lab.LabCatalog;
import org.nnlab.platform.lab.LabSync;

/**
 * On the first run (no instructor account yet) seeds a demo course that assigns every lab of the catalog, an
 * instructor (and {@code nnlab.seed.instructors} - 1 more, {@code instructor2}, ..., who teach no course yet) and
 * {@code nnlab.seed.students} students ({@code student}, {@code student2}, ...). Their passwords come
 * from {@code nnlab.seed.instructor.password} and {@code nnlab.seed.student.password}, or are random; either way they
 * are logged and written to {@code <data dir>/demo-accounts.txt} (readable by the owner only).
 */
@ApplicationScoped
public class DemoSeeder {
    /** The demo course's code. */
    public static final String COURSE = "DL-101";
    private static final Logger LOG = Logger.getLogger(DemoSeeder.class.getName());

    @Inject
    Accounts accounts;

    @Inject
    Courses courses;

    @Inject
    LabCatalog catalog;

    @Inject
    Passwords passwords;

    @Inject
    @ConfigProperty(name = "nnlab.data.dir")
    String dataDirectory;

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

    void seed(@Observes @Priority(LabSync.PRIORITY + 1) @Initialized(ApplicationScoped.class) Object started)
            throws IOException {
        if (accounts.byUsername("instructor").isPresent()) {
            return;
        }
        String instructorSecret = instructorPassword.orElseGet(() -> passwords.random(12));
        StringBuilder text = new StringBuilder("nnlab demo accounts (change them on first use):\n  instructor / ")
                .append(instructorSecret).append('\n');
        Course course = courses.create(COURSE, "Training neural networks (demo course)");
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
        Path file = Path.of(dataDirectory).toAbsolutePath().resolve("demo-accounts.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        LOG.info("Seeded the demo course " + COURSE + " with " + catalog.latest().size() + " lab(s). " + text
                + "(also in " + file + ")");
    }
}
