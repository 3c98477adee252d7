package org.nnlab.platform.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A person who logs in: a student or an instructor. */
@Entity
@Table(name = "USER_ACCOUNT")
public class UserAccount {
    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "PASSWORD_HASH", nullable = false, length = 512)
    private String passwordHash;

    @Column(nullable = false, length = 16)
    private String role;

    @Column(nullable = false, length = 200)
    private String displayName;

    protected UserAccount() {
    }

    /**
     * @param username     the login name
     * @param passwordHash the PBKDF2 hash of the password
     * @param role         {@link Role#STUDENT} or {@link Role#INSTRUCTOR}
     * @param displayName  the name shown on pages
     */
    public UserAccount(String username, String passwordHash, String role, String displayName) {
        this.id = UUID.randomUUID().toString();
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.displayName = displayName;
    }

    /** @return the PBKDF2 hash of the password */
    public String getPasswordHash() {
        return passwordHash;
    }

    /** @param newHash the PBKDF2 hash of the new password */
    public void setPasswordHash(String newHash) {
        this.passwordHash = newHash;
    }

    /** @return the account's id */
    public String getId() {
        return id;
    }

    /** @return the login name */
    public String getUsername() {
        return username;
    }

    /** @return the role */
    public String getRole() {
        return role;
    }

    /** @return the name shown on pages */
    public String getDisplayName() {
        return displayName;
    }
}
