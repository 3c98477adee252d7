package org.nnlab.platform.course;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.util.UUID;
import org.nnlab.platform.account.UserAccount;

/** A person taking (or teaching) a course. */
@Entity
@Table(uniqueConstraints = @UniqueConstraint(columnNames = {"COURSE_ID", "USER_ID"}))
public class Enrollment {
    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(optional = false)
    private Course course;

    @ManyToOne(optional = false)
    private UserAccount user;

    protected Enrollment() {
    }

    /**
     * @param course the course
     * @param user   who takes or teaches it
     */
    public Enrollment(Course course, UserAccount user) {
        this.id = UUID.randomUUID().toString();
        this.course = course;
        this.user = user;
    }

    /** @return the course */
    public Course getCourse() {
        return course;
    }

    /** @return who is enrolled */
    public UserAccount getUser() {
        return user;
    }
}
