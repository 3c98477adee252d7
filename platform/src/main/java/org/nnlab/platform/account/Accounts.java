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
    @PersistenceContext(unitName = "nnlab")
    EntityManager entityManager;

    @Inject
    Passwords passwords;

    /** @return the account with that login name */
    public Optional<UserAccount> byUsername(String username) {
        return entityManager.createQuery("SELECT u FROM UserAccount u WHERE u.username = :username", UserAccount.class)
                .setParameter("username", username).getResultStream().findFirst();
    }

    /** @return a new account with the password hashed */
    @Transactional
    public UserAccount create(String username, String password, String role, String displayName) {
        UserAccount account = new UserAccount(username, passwords.hash(password), role, displayName);
        entityManager.persist(account);
        return account;
    }
}
