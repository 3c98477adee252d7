package org.nnlab.platform.lti.registration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.nnlab.platform.course.Course;

/** An LMS registered by an instructor: its launches log people into the platform and enrol them in the course. */
@Entity
@Table(name = "LTI_REGISTRATION", uniqueConstraints = @UniqueConstraint(columnNames = {"ISSUER", "CLIENTID"}))
public class LtiRegistration {
    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(optional = false)
    private Course course;

    @Column(nullable = false, length = 500)
    private String issuer;

    @Column(nullable = false, length = 255)
    private String clientId;

    /** The deployment ids, one per line. */
    @Column(nullable = false, length = 2000)
    private String deploymentIds;

    @Column(nullable = false, length = 1000)
    private String authUrl;

    @Column(nullable = false, length = 1000)
    private String tokenUrl;

    @Column(nullable = false, length = 1000)
    private String jwksUrl;

    protected LtiRegistration() {
    }

    /**
     * @param course the course launches enrol into
     * @param form   the validated registration
     */
    LtiRegistration(Course course, RegistrationForm form) {
        this.id = UUID.randomUUID().toString();
        this.course = course;
        this.issuer = form.issuer();
        this.clientId = form.clientId();
        this.deploymentIds = String.join("\n", form.deploymentIds());
        this.authUrl = form.authUrl();
        this.tokenUrl = form.tokenUrl();
        this.jwksUrl = form.jwksUrl();
    }

    /** @return the id */
    public String getId() {
        return id;
    }

    /** @return the course launches enrol into */
    public Course getCourse() {
        return course;
    }

    /** @return the LMS's issuer identifier ({@code iss}) */
    public String getIssuer() {
        return issuer;
    }

    /** @return the client id the LMS gave the tool ({@code aud}) */
    public String getClientId() {
        return clientId;
    }

    /** @return the deployment ids the LMS may launch with */
    public List<String> getDeploymentIds() {
        return Arrays.stream(deploymentIds.split("\n")).filter(d -> !d.isBlank()).toList();
    }

    /** @return the LMS's OIDC authorization endpoint */
    public String getAuthUrl() {
        return authUrl;
    }

    /** @return the LMS's OAuth 2 token endpoint */
    public String getTokenUrl() {
        return tokenUrl;
    }

    /** @return the URL of the LMS's JWK set */
    public String getJwksUrl() {
        return jwksUrl;
    }
}
