package org.nnlab.protocol;

/**
 * What a spare training harness reports of compiling its submission ({@link TrainingJob#COMPILE_REPORT_FILE}), written
 * before any of the submission's code runs. A submission that compiles runs in the same JVM afterwards and could
 * rewrite the file, which could only make its own grade worse: one that does not compile never runs.
 *
 * @param succeeded whether javac succeeded
 * @param output    javac's diagnostics, as its command line prints them
 * @param millis    how long javac took in the harness
 */
public record CompileReport(boolean succeeded, String output, long millis) {
}
