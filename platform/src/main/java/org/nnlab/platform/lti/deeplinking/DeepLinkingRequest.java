package org.nnlab.platform.lti.deeplinking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.UUID;
import org.nnlab.platform.lti.registration.LtiRegistration;

/** A deep-linking launch waiting for its instructor to choose a lab: where the answer goes and what it echoes. */
@Entity
@Table(name = "LTI_DEEP_LINKING")
public class DeepLinkingRequest {
    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(optional = false)
    private LtiRegistration registration;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(nullable = false, length = 255)
    private String deploymentId;

    @Column(nullable = false, length = 1000)
    private String returnUrl;

    @Lob
    private String data;

    @Column(nullable = false)
    private LocalDateTime expiresAt;

    protected DeepLinkingRequest() {
    }

    DeepLinkingRequest(LtiRegistration registration, String username, String deploymentId, String returnUrl,
                       String data, LocalDateTime expiresAt) {
        this.id = UUID.randomUUID().toString();
        this.registration = registration;
        this.username = username;
        this.deploymentId = deploymentId;
        this.returnUrl = returnUrl;
        this.data = data;
        this.expiresAt = expiresAt;
    }

    /** @return the id */
    public String getId() {
        return id;
    }

    /** @return the LMS's registration */
    public LtiRegistration getRegistration() {
        return registration;
    }

    /** @return the instructor who launched it */
    public String getUsername() {
        return username;
    }

    /** @return the deployment it came through */
    public String getDeploymentId() {
        return deploymentId;
    }

    /** @return the LMS's {@code deep_link_return_url} */
    public String getReturnUrl() {
        return returnUrl;
    }

    /** @return the opaque data to echo, or empty */
    public String getData() {
        return data == null ? "" : data;
    }

    /** @return when it expires (UTC) */
    public LocalDateTime getExpiresAt() {
        return expiresAt;
    }
}
