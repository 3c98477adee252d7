package org.nnlab.grader.compile;

/**
 * One error javac reported.
 *
 * @param file    the source file, relative to the submission
 * @param line    the line, 1-based
 * @param message javac's message, with its detail lines (the source line, the caret, the symbol)
 */
public record CompileError(String file, int line, String message) {
}
