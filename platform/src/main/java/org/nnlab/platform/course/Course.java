package org.nnlab.platform.course;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.UUID;

/** A course: the labs it assigns and the people enrolled in it. */
@Entity
public class Course {
    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, unique = true, length = 32)
    private String code;

    @Column(nullable = false, length = 200)
    private String title;

    protected Course() {
    }

    /**
     * @param code  a short unique code, e.g. {@code DL-101}
     * @param title the course's title
     */
    public Course(String code, String title) {
        this.id = UUID.randomUUID().toString();
        this.code = code;
        this.title = title;
    }

    /** @return the course's id */
    public String getId() {
        return id;
    }

    /** @return its short code */
    public String getCode() {
        return code;
    }

    /** @return its title */
    public String getTitle() {
        return title;
    }
}
