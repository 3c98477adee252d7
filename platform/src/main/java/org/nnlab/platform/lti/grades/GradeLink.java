package org.nnlab.platform.lti.grades;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.LocalDateTime;
import java.util.UUID;
import org.nnlab.platform.account.UserAccount;
import org.nnlab.platform.lti.registration.LtiRegistration;

/**
 * A student's lab as an LMS launched it with a line item: the score that counts goes there, and how that went.
 */
@Entity
@Table(name = "LTI_GRADE_LINK", uniqueConstraints = @UniqueConstraint(columnNames = {"REGISTRATION_ID", "USER_ID",
        "LABID"}))
public class GradeLink {
    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(optional = false)
    private LtiRegistration registration;

    @ManyToOne(optional = false)
    private UserAccount user;

    @Column(nullable = false, length = 64)
    private String labId;

    @Column(nullable = false, length = 255)
    private String subject;

    @Column(nullable = false, length = 1000)
    private String lineItem;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Delivery delivery;

    private Double deliveredScore;

    private int attempts;

    private LocalDateTime nextAttemptAt;

    private LocalDateTime deliveredAt;

    @Column(length = 1000)
    private String lastError;

    protected GradeLink() {
    }

    GradeLink(LtiRegistration registration, UserAccount user, String labId, String subject, String lineItem) {
        this.id = UUID.randomUUID().toString();
        this.registration = registration;
        this.user = user;
        this.labId = labId;
        this.subject = subject;
        this.lineItem = lineItem;
        this.delivery = Delivery.PENDING;
    }

    void relaunched(String newSubject, String newLineItem) {
        this.subject = newSubject;
        if (!newLineItem.equals(lineItem)) {
            this.lineItem = newLineItem;
            this.deliveredScore = null;
            this.delivery = Delivery.PENDING;
        }
    }

    void delivered(double score, LocalDateTime at) {
        this.delivery = Delivery.DELIVERED;
        this.deliveredScore = score;
        this.deliveredAt = at;
        this.attempts = 0;
        this.nextAttemptAt = null;
        this.lastError = null;
    }

    void failed(String error, LocalDateTime retryAt) {
        this.delivery = Delivery.FAILED;
        this.attempts++;
        this.nextAttemptAt = retryAt;
        this.lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
    }

    /** @return the id */
    public String getId() {
        return id;
    }

    /** @return the registration of the LMS */
    public LtiRegistration getRegistration() {
        return registration;
    }

    /** @return the student */
    public UserAccount getUser() {
        return user;
    }

    /** @return the lab */
    public String getLabId() {
        return labId;
    }

    /** @return the student's id at the LMS */
    public String getSubject() {
        return subject;
    }

    /** @return the line item's URL */
    public String getLineItem() {
        return lineItem;
    }

    /** @return where the score stands */
    public Delivery getDelivery() {
        return delivery;
    }

    /** @return the score the LMS has, or null */
    public Double getDeliveredScore() {
        return deliveredScore;
    }

    /** @return failed attempts since the last delivery */
    public int getAttempts() {
        return attempts;
    }

    /** @return when the next attempt is due after a failure (UTC), or null */
    public LocalDateTime getNextAttemptAt() {
        return nextAttemptAt;
    }

    /** @return when the score was last delivered (UTC), or null */
    public LocalDateTime getDeliveredAt() {
        return deliveredAt;
    }

    /** @return the last failure's reason, or null */
    public String getLastError() {
        return lastError;
    }
}
