package org.nnlab.platform.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.Map;

/** Hashes passwords the way the identity store checks them, and makes random ones. */
@ApplicationScoped
public class Passwords {
    /** PBKDF2 iterations, as recommended for HMAC-SHA256. */
    public static final String ITERATIONS = "210000";
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private final SecureRandom random = new SecureRandom();

    @Inject
    Pbkdf2PasswordHash hash;

    /** @return the PBKDF2 hash of {@code password} */
    public String hash(String password) {
        hash.initialize(Map.of("Pbkdf2PasswordHash.Iterations", ITERATIONS,
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256", "Pbkdf2PasswordHash.SaltSizeBytes", "32"));
        return hash.generate(password.toCharArray());
    }

    /** @return whether {@code password} is the one {@code storedHash} was made from */
    public boolean matches(String password, String storedHash) {
        return hash.verify(password.toCharArray(), storedHash);
    }

    /** @return a random password of {@code length} unambiguous letters and digits */
    public String random(int length) {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < length; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
