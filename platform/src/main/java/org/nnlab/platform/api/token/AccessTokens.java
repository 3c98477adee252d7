package org.nnlab.platform.api.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.nnlab.platform.account.Accounts;
import org.nnlab.platform.account.Role;
import org.nnlab.platform.account.UserAccount;

/** Makes, lists, revokes and checks personal access tokens. */
@ApplicationScoped
public class AccessTokens {
    /** What every secret starts with, so that a leaked one is recognised (by secret scanners too). */
    public static final String PREFIX = "nnlab_";
    /** The longest name a token may have. */
    public static final int MAX_NAME_LENGTH = 100;
    /** The most tokens one user may have that still work. */
    public static final int MAX_ACTIVE = 20;
    /** The longest a token may live, in days. */
    public static final int MAX_DAYS = 366;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    @PersistenceContext(unitName = "nnlab")
    EntityManager entityManager;

    @Inject
    Accounts accounts;

    Clock clock = Clock.systemUTC();

    /**
     * Makes a token.
     *
     * @param username its owner
     * @param name     what its owner calls it, 1 to {@value #MAX_NAME_LENGTH} characters
     * @param scopes   the ids of the scopes it gets (at least one; instructor scopes only for instructors)
     * @param days     how many days it lives (1 to {@value #MAX_DAYS}), or null for as long as it is not revoked
     * @return the token with its secret, which is shown only now
     * @throws TokenException saying what is wrong with the request
     */
    @Transactional
    public NewToken create(String username, String name, Collection<String> scopes, Integer days) {
        UserAccount owner = accounts.byUsername(username).orElseThrow(() -> new IllegalArgumentException(
                "no account named " + username));
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
            throw new TokenException("Give the token a name of 1 to " + MAX_NAME_LENGTH + " characters, e.g. what "
                    + "will use it.");
        }
        Set<Scope> granted = scopes(scopes, Role.INSTRUCTOR.equals(owner.getRole()));
        if (days != null && (days < 1 || days > MAX_DAYS)) {
            throw new TokenException("A token lives 1 to " + MAX_DAYS + " days, or until it is revoked.");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (of(username).stream().filter(t -> t.activeAt(now)).count() >= MAX_ACTIVE) {
            throw new TokenException("You have " + MAX_ACTIVE + " tokens that work, the most one may have: revoke "
                    + "one first.");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        AccessToken token = new AccessToken(username, trimmed, sha256(secret),
                secret.substring(0, PREFIX.length() + 4), granted, now, days == null ? null : now.plusDays(days));
        entityManager.persist(token);
        return new NewToken(token, secret);
    }

    /** @return a user's tokens, newest first, revoked and expired ones included */
    public List<AccessToken> of(String username) {
        return entityManager.createQuery("select t from AccessToken t where t.owner = :owner order by t.createdAt "
                + "desc", AccessToken.class).setParameter("owner", username).getResultList();
    }

    /**
     * Revokes one of a user's tokens.
     *
     * @return false when the user has no token with that id
     */
    @Transactional
    public boolean revoke(String username, String tokenId) {
        AccessToken token = tokenId == null ? null : entityManager.find(AccessToken.class, tokenId);
        if (token == null || !token.getOwner().equals(username)) {
            return false;
        }
        token.revoke(LocalDateTime.now(clock));
        return true;
    }

    /**
     * @param secret what a request sent as its bearer token
     * @return who it authenticates: empty for a secret that is unknown, revoked or expired, or whose owner is gone
     */
    @Transactional
    public Optional<TokenCaller> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        List<AccessToken> found = entityManager.createQuery("select t from AccessToken t where t.secretSha256 = "
                + ":hash", AccessToken.class).setParameter("hash", sha256(secret)).getResultList();
        LocalDateTime now = LocalDateTime.now(clock);
        if (found.isEmpty() || !found.get(0).activeAt(now)) {
            return Optional.empty();
        }
        AccessToken token = found.get(0);
        Optional<UserAccount> owner = accounts.byUsername(token.getOwner());
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        if (token.getLastUsedAt() == null || token.getLastUsedAt().plus(LAST_USE_PRECISION).isBefore(now)) {
            token.used(now);
        }
        return Optional.of(new TokenCaller(token.getId(), token.getOwner(), Set.of(owner.get().getRole()),
                token.scopes()));
    }

    /** @return the scopes named, checked: known, at least one, and those for instructors only for instructors */
    static Set<Scope> scopes(Collection<String> ids, boolean instructor) {
        Set<Scope> granted = EnumSet.noneOf(Scope.class);
        for (String id : ids == null ? List.<String>of() : ids) {
            Scope scope = Scope.byId(id).orElseThrow(() -> new TokenException("There is no scope " + id + "."));
            if (scope.instructorsOnly() && !instructor) {
                throw new TokenException("The scope " + id + " is for instructors only.");
            }
            granted.add(scope);
        }
        if (granted.isEmpty()) {
            throw new TokenException("Choose at least one scope: what the token may do.");
        }
        return granted;
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
