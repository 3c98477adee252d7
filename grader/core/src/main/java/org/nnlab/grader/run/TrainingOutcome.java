package org.nnlab.grader.run;

import org.nnlab.grader.compile.CompileResult;
import org.nnlab.grader.sandbox.SandboxOutcome;
import org.nnlab.protocol.TrainingReport;

/**
 * How the training sandbox ended.
 *
 * @param sandbox the process's end, output and timing
 * @param report  the harness's report (untrusted), or null when it wrote none
 * @param failure why training did not complete, for the student; null when it did
 * @param compiled what compiling the submission in the training JVM gave (a spare's), or null when it was compiled
 *                 before
 */
public record TrainingOutcome(SandboxOutcome sandbox, TrainingReport report, String failure,
                              CompileResult compiled) {

    /** @return whether train() returned normally and a report was written */
    public boolean completed() {
        return failure == null;
    }
}
