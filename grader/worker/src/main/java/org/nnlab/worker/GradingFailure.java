package org.nnlab.worker;

import java.util.Arrays;

/**
 * A grading that failed for a reason of the platform's own, not the submission's: whether it is worth another
 * attempt, and what the student reads. An exception (the database, the file system) may pass; an error of the
 * grader itself (a stack overflow or a missing class in a check extension, memory running out) would only crash
 * again, so its job fails at once.
 */
final class GradingFailure {
    private GradingFailure() {
    }

    /** @return whether a job that failed this way is queued for another attempt */
    static boolean worthRetrying(Throwable failure) {
        return failure instanceof Exception;
    }

    /**
     * @return the message a submission that failed this way is marked with; an error names the code it happened in
     *     (the first frame outside the JDK)
     */
    static String message(Throwable failure) {
        if (failure instanceof Error) {
            String where = Arrays.stream(failure.getStackTrace()).filter(frame -> !frame.getClassName()
                    .matches("(java|javax|jdk|sun)\\..*")).findFirst().map(frame -> " in " + frame.getClassName()
                    + "." + frame.getMethodName()).orElse("");
            return "The grader crashed while grading this submission (" + failure.getClass().getSimpleName() + where
                    + "). This is not a fault of the submission: the instructor can have it graded again once the "
                    + "grader is fixed.";
        }
        String message = failure.getMessage();
        return "The platform could not grade this submission: " + (message == null || message.isBlank()
                ? failure.getClass().getSimpleName() : message);
    }
}
