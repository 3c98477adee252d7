package org.nnlab.platform.api.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A personal access token. Only the SHA-256 of its secret is stored, and the secret's first characters to tell
 * tokens apart on the account page.
 */
@Entity
@Table(name = "ACCESS_TOKEN", indexes = @Index(name = "accesstoken_owner", columnList = "owner"))
public class AccessToken {
    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 64)
    private String owner;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "SECRET_SHA256", nullable = false, unique = true, length = 64)
    private String secretSha256;

    @Column(name = "SECRET_START", nullable = false, length = 16)
    private String secretStart;

    @Column(nullable = false, length = 200)
    private String scopes;

    @Column(nullable = false)
    private LocalDateTime createdAt;

    private LocalDateTime expiresAt;

    private LocalDateTime lastUsedAt;

    private LocalDateTime revokedAt;

    protected AccessToken() {
    }

    AccessToken(String owner, String name, String secretSha256, String secretStart, Set<Scope> scopes,
                LocalDateTime createdAt, LocalDateTime expiresAt) {
        this.id = UUID.randomUUID().toString();
        this.owner = owner;
        this.name = name;
        this.secretSha256 = secretSha256;
        this.secretStart = secretStart;
        this.scopes = scopes.stream().map(Scope::id).sorted().collect(Collectors.joining(" "));
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** @return whether it still authenticates at {@code now}: not revoked and not expired */
    public boolean activeAt(LocalDateTime now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    void used(LocalDateTime at) {
        lastUsedAt = at;
    }

    void revoke(LocalDateTime at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    /** @return the token's id */
    public String getId() {
        return id;
    }

    /** @return the user name of its owner */
    public String getOwner() {
        return owner;
    }

    /** @return the name its owner gave it */
    public String getName() {
        return name;
    }

    /** @return the secret's first characters, e.g. {@code nnlab_3fQ9x} */
    public String getSecretStart() {
        return secretStart;
    }

    /** @return what it may do */
    public Set<Scope> scopes() {
        Set<Scope> set = EnumSet.noneOf(Scope.class);
        Arrays.stream(scopes.split(" ")).map(Scope::byId).flatMap(java.util.Optional::stream).forEach(set::add);
        return set;
    }

    /** @return its scopes as the account page lists them */
    public String getScopes() {
        return scopes;
    }

    /** @return when it was made */
    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    /** @return when it stops working, or null for never */
    public LocalDateTime getExpiresAt() {
        return expiresAt;
    }

    /** @return when it last authenticated a request, or null */
    public LocalDateTime getLastUsedAt() {
        return lastUsedAt;
    }

    /** @return when its owner revoked it, or null */
    public LocalDateTime getRevokedAt() {
        return revokedAt;
    }
}
