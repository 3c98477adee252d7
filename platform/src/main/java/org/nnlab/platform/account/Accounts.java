package org.nnlab.platform.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Finds and creates accounts. */
@ApplicationScoped
public class Accounts {
    /** The shortest password accepted. */
    public static final int MIN_LENGTH = 10;
    /** The longest password accepted (PBKDF2 hashes any length; this bounds the work). */
    public static final int MAX_LENGTH = 200;
    @PersistenceContext(unitName = "nnlab")
    EntityManager entityManager;

    @Inject
    Passwords passwords;

    /** @return the account with that login name */
    public Optional<UserAccount> byUsername(String username) {
        return entityManager.createQuery("SELECT u FROM UserAccount u WHERE u.username = :username", UserAccount.class)
                .setParameter("username", username).getResultStream().findFirst();
    }

    /**
     * Changes a password after checking the current one.
     *
     * @return {@link PasswordChange#CHANGED}, or why the password was not changed
     */
    @Transactional
    public PasswordChange changePassword(String username, String current, String next, String repeated) {
        UserAccount account = byUsername(username).orElseThrow(() -> new IllegalArgumentException(
                "no account named " + username));
        if (!passwords.matches(current, account.getPasswordHash())) {
            return PasswordChange.WRONG_CURRENT_PASSWORD;
        }
        if (next.length() < MIN_LENGTH || next.length() > MAX_LENGTH) {
            return PasswordChange.BAD_LENGTH;
        }
        if (!next.equals(repeated)) {
            return PasswordChange.NOT_REPEATED;
        }
        if (next.equals(current)) {
            return PasswordChange.UNCHANGED;
        }
        account.setPasswordHash(passwords.hash(next));
        return PasswordChange.CHANGED;
    }

    /**
     * Gives an account a new random password, e.g. when a student forgot theirs; the caller shows it once.
     *
     * @return the new password
     */
    @Transactional
    public String resetPassword(UserAccount account) {
        String password = passwords.random(12);
        entityManager.find(UserAccount.class, account.getId()).setPasswordHash(passwords.hash(password));
        return password;
    }

    /** @return a new account with the password hashed */
    @Transactional
    public UserAccount create(String username, String password, String role, String displayName) {
        UserAccount account = new UserAccount(username, passwords.hash(password), role, displayName);
        entityManager.persist(account);
        return account;
    }
}
