package org.nnlab.worker;

import java.util.Optional;
import org.nnlab.grader.lab.Lab;

/** The lab revisions submissions are graded against, loaded from where the database keeps them. */
@FunctionalInterface
public interface LabRevisions {
    /** @return revision {@code number} of lab {@code labId}, loaded and ready to grade against; none if unknown */
    Optional<Lab> revision(String labId, int number);
}
