package org.nnlab.platform.account;

/** The platform's roles, as Jakarta Security groups. */
public final class Role {
    /** Takes labs and submits. */
    public static final String STUDENT = "student";
    /** Writes labs and runs courses. */
    public static final String INSTRUCTOR = "instructor";

    private Role() {
    }
}
