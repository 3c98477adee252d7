package org.nnlab.grader.compile;

import java.time.Duration;
import java.util.List;

/**
 * What compiling a submission gave.
 *
 * @param succeeded whether every source compiled
 * @param errors    the errors, in javac's order
 * @param output    javac's whole output, capped, for when no error could be parsed
 * @param elapsed   how long it took, sandbox included
 */
public record CompileResult(boolean succeeded, List<CompileError> errors, String output, Duration elapsed) {

    /** Copies the list. */
    public CompileResult {
        errors = List.copyOf(errors);
    }

    /** @return the errors as the student reads them, one per paragraph */
    public String describe() {
        if (errors.isEmpty()) {
            return output.strip();
        }
        StringBuilder text = new StringBuilder();
        for (CompileError error : errors) {
            text.append(error.file()).append(':').append(error.line()).append(": ").append(error.message())
                    .append('\n');
        }
        return text.toString().strip();
    }
}
