package org.nnlab.platform.api.token;

import java.util.Arrays;
import java.util.Optional;

/** What a personal access token may do. */
public enum Scope {
    /** List the labs of one's courses. */
    LABS_READ("labs:read", false),
    /** Submit to a lab. */
    SUBMISSIONS_WRITE("submissions:write", false),
    /** Read one's submissions' states and results (an instructor's: those of their students too). */
    SUBMISSIONS_READ("submissions:read", false),
    /** Read the gradebooks of the courses one teaches: instructors only. */
    GRADEBOOK_READ("gradebook:read", true);

    private final String id;
    private final boolean instructorsOnly;

    Scope(String id, boolean instructorsOnly) {
        this.id = id;
        this.instructorsOnly = instructorsOnly;
    }

    /** @return the scope's name in forms, tokens and the API's errors, e.g. {@code labs:read} */
    public String id() {
        return id;
    }

    /** @return whether only instructors may give it to a token */
    public boolean instructorsOnly() {
        return instructorsOnly;
    }

    /** @return the scope named {@code id}, if there is one */
    public static Optional<Scope> byId(String id) {
        return Arrays.stream(values()).filter(scope -> scope.id.equals(id)).findFirst();
    }
}
