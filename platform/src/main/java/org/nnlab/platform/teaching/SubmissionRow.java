package org.nnlab.platform.teaching;

import java.util.Map;
import org.nnlab.platform.submission.SubmissionRecord;

/**
 * One line of a lab's submissions table.
 *
 * @param submission  the submission
 * @param checkPoints check id to the points that count (an instructor's override, else the automatic points)
 * @param overridden  the ids of the checks an instructor scored
 * @param counts      whether this is the submission whose score counts for its author
 */
public record SubmissionRow(SubmissionRecord submission, Map<String, Double> checkPoints,
                            java.util.Set<String> overridden, boolean counts) {
}
