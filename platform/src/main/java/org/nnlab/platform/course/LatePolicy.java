package org.nnlab.platform.course;

/** What happens to a submission after a lab's deadline. */
public enum LatePolicy {
    /** Late submissions are refused. */
    REFUSE,
    /** Late submissions are accepted, their score reduced by a percentage per started day late. */
    PENALTY
}
