package org.nnlab.platform.lti.launch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.nnlab.platform.account.Accounts;
import org.nnlab.platform.account.Passwords;
import org.nnlab.platform.account.Role;
import org.nnlab.platform.account.UserAccount;
import org.nnlab.platform.course.Course;
import org.nnlab.platform.course.Courses;

/**
 * The accounts LMS users launch as: found by ({@code iss}, {@code sub}), or made at the first launch with the user
 * name {@code lti-} and 16 hex digits of their hash, the role the launch's roles give (kept afterwards), and a random
 * password nobody knows (they log in through the LMS); and enrolled in the registration's course.
 */
@ApplicationScoped
public class LtiUsers {
    @PersistenceContext(unitName = "nnlab")
    EntityManager entityManager;

    @Inject
    Accounts accounts;

    @Inject
    Passwords passwords;

    @Inject
    Courses courses;

    /** @return the user name an LMS user gets */
    public static String username(String issuer, String subject) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((issuer + "\n" + subject)
                    .getBytes(StandardCharsets.UTF_8));
            return "lti-" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the account of the launching user, made at their first launch, enrolled in the course */
    @Transactional
    public UserAccount admit(String issuer, LaunchClaims launch, Course course) {
        UserAccount account = entityManager.createQuery("SELECT i.account FROM LtiIdentity i WHERE i.issuer = "
                + ":issuer AND i.subject = :subject", UserAccount.class).setParameter("issuer", issuer)
                .setParameter("subject", launch.subject()).getResultStream().findFirst().orElseGet(() -> {
                    String name = launch.name().isBlank() ? "LMS user " + launch.subject() : launch.name();
                    UserAccount made = accounts.create(username(issuer, launch.subject()), passwords.random(32),
                            launch.instructor() ? Role.INSTRUCTOR : Role.STUDENT,
                            name.length() > 200 ? name.substring(0, 200) : name);
                    entityManager.persist(new LtiIdentity(issuer, launch.subject(), made));
                    return made;
                });
        courses.enroll(course, account);
        return account;
    }
}
