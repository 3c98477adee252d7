package org.nnlab.platform.config;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.nnlab.platform.account.Passwords;
import org.nnlab.platform.account.Role;

/**
 * The accounts table as the identity store, passwords hashed with PBKDF2 (HMAC-SHA256, 210,000 iterations), and the
 * two roles: student and instructor. The login itself is the platform's own page and servlet ({@code LoginServlet})
 * and mechanism ({@code LoginMechanism}).
 */
@DatabaseIdentityStoreDefinition(dataSourceLookup = "java:app/jdbc/nnlab",
        callerQuery = "SELECT PASSWORD_HASH FROM USER_ACCOUNT WHERE USERNAME = ?",
        groupsQuery = "SELECT ROLE FROM USER_ACCOUNT WHERE USERNAME = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class,
        hashAlgorithmParameters = {"Pbkdf2PasswordHash.Iterations=" + Passwords.ITERATIONS,
            "Pbkdf2PasswordHash.Algorithm=PBKDF2WithHmacSHA256", "Pbkdf2PasswordHash.SaltSizeBytes=32"})
@DeclareRoles({Role.STUDENT, Role.INSTRUCTOR})
@ApplicationScoped
public class SecurityConfiguration {
}
