package org.nnlab.platform.lti.launch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * An OIDC login in progress: its state and nonce, kept in the database because the LMS's cross-site form post
 * carries no cookie of the tool, and any instance may receive it. Used once.
 */
@Entity
@Table(name = "LTI_LOGIN_STATE")
public class LoginState {
    @Id
    @Column(length = 64)
    private String state;

    @Column(nullable = false, length = 64)
    private String nonce;

    @Column(nullable = false, length = 36)
    private String registrationId;

    @Column(nullable = false)
    private LocalDateTime expiresAt;

    protected LoginState() {
    }

    LoginState(String state, String nonce, String registrationId, LocalDateTime expiresAt) {
        this.state = state;
        this.nonce = nonce;
        this.registrationId = registrationId;
        this.expiresAt = expiresAt;
    }

    /** @return the state */
    public String getState() {
        return state;
    }

    /** @return the nonce the id token must carry */
    public String getNonce() {
        return nonce;
    }

    /** @return the registration the login started for */
    public String getRegistrationId() {
        return registrationId;
    }

    /** @return when it expires (UTC) */
    public LocalDateTime getExpiresAt() {
        return expiresAt;
    }
}
