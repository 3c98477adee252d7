package org.nnlab.platform.lti.launch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.util.UUID;
import org.nnlab.platform.account.UserAccount;

/** An LMS's user ({@code iss}, {@code sub}) and the platform account they launch as. */
@Entity
@Table(name = "LTI_IDENTITY", uniqueConstraints = @UniqueConstraint(columnNames = {"ISSUER", "SUBJECT"}))
public class LtiIdentity {
    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 500)
    private String issuer;

    @Column(nullable = false, length = 255)
    private String subject;

    @ManyToOne(optional = false)
    private UserAccount account;

    protected LtiIdentity() {
    }

    LtiIdentity(String issuer, String subject, UserAccount account) {
        this.id = UUID.randomUUID().toString();
        this.issuer = issuer;
        this.subject = subject;
        this.account = account;
    }

    /** @return the platform account */
    public UserAccount getAccount() {
        return account;
    }
}
