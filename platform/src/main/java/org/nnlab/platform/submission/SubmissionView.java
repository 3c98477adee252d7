package org.nnlab.platform.submission;

import java.util.Map;
import org.nnlab.grader.result.GradingResult;

/**
 * A submission as one caller may see it.
 *
 * @param record   the stored submission
 * @param result   its result with what the caller may see (the hidden test accuracy only in the full view), or null
 *                 while it has none
 * @param fullView whether the caller sees everything: an instructor, or its author once the results are released
 * @param released whether the lab's results are released to its author
 * @param state    where it is on its way to a result: {@code status}, {@code position} in the queue, {@code progress}
 *                 and {@code live} curves while it trains, {@code score}, {@code maxScore}, {@code error}, {@code runs}
 */
public record SubmissionView(SubmissionRecord record, GradingResult result, boolean fullView, boolean released,
                             Map<String, Object> state) {
}
